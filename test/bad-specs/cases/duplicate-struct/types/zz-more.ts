/**
 * Declares Timespec a second time: structs.ts already has it.
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Timespec: {
    c: "struct timespec",
    fields: { Sec: "long", Nsec: "long" },
  },
});
