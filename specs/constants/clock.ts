/**
 * Clocks and timer flags (include/uapi/linux/time.h and timerfd.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  clockIds: {
    doc: "Clock IDs for clock_gettime, clock_nanosleep, timer_create and timerfd_create.",
    radix: "decimal",
    values: {
      CLOCK_REALTIME: 0,
      CLOCK_MONOTONIC: 1,
      CLOCK_PROCESS_CPUTIME_ID: 2,
      CLOCK_THREAD_CPUTIME_ID: 3,
      CLOCK_MONOTONIC_RAW: 4,
      CLOCK_REALTIME_COARSE: 5,
      CLOCK_MONOTONIC_COARSE: 6,
      CLOCK_BOOTTIME: 7,
      CLOCK_REALTIME_ALARM: 8,
      CLOCK_BOOTTIME_ALARM: 9,
      CLOCK_TAI: 11,
    },
  },
  timerFlags: {
    doc: "Flag for clock_nanosleep and timer_settime: the time is absolute.",
    values: {
      TIMER_ABSTIME: 0x1,
    },
  },
  timerfdFlags: {
    doc: "Flags for timerfd_create (TFD_CLOEXEC and TFD_NONBLOCK are the arch's O_CLOEXEC and O_NONBLOCK) and timerfd_settime.",
    values: {
      TFD_TIMER_ABSTIME: 0x1,
      TFD_TIMER_CANCEL_ON_SET: 0x2,
      TFD_CLOEXEC: 0x80000,
      TFD_NONBLOCK: { all: 0x800, mips: 0x80, mipsle: 0x80, mips64: 0x80, mips64le: 0x80 },
    },
  },
});
