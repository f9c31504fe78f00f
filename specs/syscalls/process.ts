/**
 * Process and thread identity, sessions and groups, exit and wait, scheduling and namespaces.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Getpid: {
    doc: "Getpid returns the process ID of the caller.",
    kernel: "getpid",
    results: { pid: "int" },
    blocking: false,
    noError: true,
  },
  Getppid: {
    doc: "Getppid returns the process ID of the caller's parent.",
    kernel: "getppid",
    results: { ppid: "int" },
    blocking: false,
    noError: true,
  },
  Gettid: {
    doc: "Gettid returns the thread ID of the calling thread.",
    kernel: "gettid",
    results: { tid: "int" },
    blocking: false,
    noError: true,
  },
  Getpgid: {
    doc: "Getpgid returns the process group ID of the process pid, 0 meaning the caller.",
    kernel: "getpgid",
    params: { pid: "int" },
    results: { pgid: "int" },
    blocking: false,
  },
  Setpgid: {
    doc: "Setpgid moves the process pid into the process group pgid.",
    kernel: "setpgid",
    params: { pid: "int", pgid: "int" },
    blocking: false,
  },
  Getsid: {
    doc: "Getsid returns the session ID of the process pid, 0 meaning the caller.",
    kernel: "getsid",
    params: { pid: "int" },
    results: { sid: "int" },
    blocking: false,
  },
  Setsid: {
    doc: "Setsid starts a new session led by the caller and returns its ID.",
    kernel: "setsid",
    results: { pid: "int" },
    blocking: false,
  },
  Exit: {
    doc: "Exit ends every thread of the calling process with status code.",
    kernel: "exit_group",
    params: { code: "int" },
    noError: true,
  },
  Wait4: {
    doc: "Wait4 waits for a child process to change state and reports its status and resource usage.",
    kernel: "wait4",
    params: { pid: "int", wstatus: "out *WaitStatus", options: "int", rusage: "out *Rusage" },
    results: { wpid: "int" },
  },
  Prctl: {
    doc: "Prctl performs the process or thread control operation option.",
    kernel: "prctl",
    params: { option: "int", arg2: "uintptr", arg3: "uintptr", arg4: "uintptr", arg5: "uintptr" },
  },
  Getpriority: {
    doc: "Getpriority returns the scheduling priority of a process, group or user as 20 minus the nice value.",
    kernel: "getpriority",
    params: { which: "int", who: "int" },
    results: { prio: "int" },
  },
  Setpriority: {
    doc: "Setpriority sets the nice value of a process, process group or user.",
    kernel: "setpriority",
    params: { which: "int", who: "int", prio: "int" },
  },
  SchedYield: {
    doc: "SchedYield gives up the CPU so that other runnable threads can run.",
    kernel: "sched_yield",
    noError: true,
  },
  Getrusage: {
    doc: "Getrusage stores the resource usage of the caller, its children or its thread in rusage.",
    kernel: "getrusage",
    params: { who: "int", rusage: "out *Rusage" },
    blocking: false,
  },
  Setns: {
    doc: "Setns moves the calling thread into the namespace referred to by fd.",
    kernel: "setns",
    params: { fd: "int", nstype: "int" },
  },
  Unshare: {
    doc: "Unshare gives the caller private copies of the contexts that flags name.",
    kernel: "unshare",
    params: { flags: "int" },
  },
  PidfdOpen: {
    doc: "PidfdOpen returns a descriptor that refers to the process pid.",
    kernel: "pidfd_open",
    params: { pid: "int", flags: "int" },
    results: { fd: "int" },
  },
});
