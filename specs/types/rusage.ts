/**
 * Resource usage filled by getrusage and wait4: struct rusage (include/uapi/linux/resource.h),
 * two Timevals and fourteen C longs.
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Rusage: {
    c: "struct rusage",
    fields: {
      Utime: "Timeval",
      Stime: "Timeval",
      Maxrss: "long",
      Ixrss: "long",
      Idrss: "long",
      Isrss: "long",
      Minflt: "long",
      Majflt: "long",
      Nswap: "long",
      Inblock: "long",
      Oublock: "long",
      Msgsnd: "long",
      Msgrcv: "long",
      Nsignals: "long",
      Nvcsw: "long",
      Nivcsw: "long",
    },
  },
});
