/**
 * Times as the calls without a _time64 suffix take them: struct timespec and struct timeval of
 * include/uapi/linux/time.h, whose fields are C longs (32 bits on 32-bit arches), and the interval
 * timers built from them.
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Timespec: {
    c: "struct timespec",
    fields: { Sec: "long", Nsec: "long" },
  },
  Timeval: {
    c: "struct timeval",
    fields: { Sec: "long", Usec: "long" },
  },
  ItimerSpec: {
    c: "struct itimerspec",
    fields: { Interval: "Timespec", Value: "Timespec" },
  },
  Itimerval: {
    c: "struct itimerval",
    fields: { Interval: "Timeval", Value: "Timeval" },
  },
});
