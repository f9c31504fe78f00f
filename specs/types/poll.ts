/**
 * One descriptor for poll and ppoll: struct pollfd (include/uapi/asm-generic/poll.h).
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  PollFd: {
    c: "struct pollfd",
    fields: { Fd: "int32", Events: "int16", Revents: "int16" },
  },
});
