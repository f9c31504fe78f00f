/**
 * A resource limit as prlimit64 reads and writes it: struct rlimit64
 * (include/uapi/linux/resource.h), 64 bits on every arch.
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Rlimit: {
    // The members are __aligned_u64, 8-byte aligned even on 386; both sit at multiples of 8.
    c: "struct rlimit64",
    fields: { Cur: "uint64", Max: "uint64" },
  },
});
