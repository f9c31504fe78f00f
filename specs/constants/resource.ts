/**
 * Resource limits and scheduling priorities (include/uapi/asm-generic/resource.h with the mips
 * override, include/uapi/linux/resource.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  rlimitResources: {
    doc: "Resources for getrlimit, setrlimit and prlimit64. mips numbers NOFILE, AS, RSS, NPROC and MEMLOCK differently.",
    radix: "decimal",
    values: {
      RLIMIT_CPU: 0,
      RLIMIT_FSIZE: 1,
      RLIMIT_DATA: 2,
      RLIMIT_STACK: 3,
      RLIMIT_CORE: 4,
      RLIMIT_RSS: { all: 5, mips: 7, mipsle: 7, mips64: 7, mips64le: 7 },
      RLIMIT_NPROC: { all: 6, mips: 8, mipsle: 8, mips64: 8, mips64le: 8 },
      RLIMIT_NOFILE: { all: 7, mips: 5, mipsle: 5, mips64: 5, mips64le: 5 },
      RLIMIT_MEMLOCK: { all: 8, mips: 9, mipsle: 9, mips64: 9, mips64le: 9 },
      RLIMIT_AS: { all: 9, mips: 6, mipsle: 6, mips64: 6, mips64le: 6 },
      RLIMIT_LOCKS: 10,
      RLIMIT_SIGPENDING: 11,
      RLIMIT_MSGQUEUE: 12,
      RLIMIT_NICE: 13,
      RLIMIT_RTPRIO: 14,
      RLIMIT_RTTIME: 15,
    },
  },
  priorityWhich: {
    doc: "Targets for getpriority and setpriority.",
    radix: "decimal",
    values: {
      PRIO_PROCESS: 0,
      PRIO_PGRP: 1,
      PRIO_USER: 2,
    },
  },
});
