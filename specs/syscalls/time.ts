/**
 * Clocks, sleeping, timer descriptors and process times. On the 32-bit arches every call that
 * takes a Timespec uses the *_time64 entry, which is safe after 2038.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  ClockGettime: {
    doc: "ClockGettime stores the current time of the clock clockid in time.",
    kernel: [
      { kernel: "clock_gettime64", args: ["clockid", "time:time64"] },
      { kernel: "clock_gettime" },
    ],
    params: { clockid: "int32", time: "out *Timespec" },
    blocking: false,
  },
  ClockGetres: {
    doc: "ClockGetres stores the resolution of the clock clockid in res.",
    kernel: [
      { kernel: "clock_getres_time64", args: ["clockid", "res:time64"] },
      { kernel: "clock_getres" },
    ],
    params: { clockid: "int32", res: "out *Timespec" },
    blocking: false,
  },
  ClockNanosleep: {
    doc: "ClockNanosleep sleeps on the clock clockid for, or with TIMER_ABSTIME until, request.",
    kernel: [
      {
        kernel: "clock_nanosleep_time64",
        args: ["clockid", "flags", "request:time64", "remain:time64"],
      },
      { kernel: "clock_nanosleep" },
    ],
    params: { clockid: "int32", flags: "int", request: "in *Timespec", remain: "out *Timespec" },
  },
  Nanosleep: {
    doc: "Nanosleep sleeps for time and, when interrupted, stores the time left in leftover.",
    kernel: [
      // clock_nanosleep(CLOCK_REALTIME, 0, ...) is a relative sleep like nanosleep.
      { kernel: "clock_nanosleep_time64", args: [0, 0, "time:time64", "leftover:time64"] },
      { kernel: "nanosleep" },
    ],
    params: { time: "in *Timespec", leftover: "out *Timespec" },
  },
  Gettimeofday: {
    doc: "Gettimeofday stores the current wall-clock time in tv.",
    kernel: "gettimeofday",
    params: { tv: "out *Timeval" },
    blocking: false,
  },
  TimerfdCreate: {
    doc: "TimerfdCreate creates a timer descriptor on the clock clockid.",
    kernel: "timerfd_create",
    params: { clockid: "int", flags: "int" },
    results: { fd: "int" },
    blocking: false,
  },
  Times: {
    doc: "Times stores the CPU times of the process and its children in tms and returns the clock ticks since an arbitrary point.",
    kernel: "times",
    params: { tms: "out *Tms" },
    results: { ticks: "uintptr" },
    blocking: false,
  },
});
