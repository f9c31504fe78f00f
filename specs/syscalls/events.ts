/**
 * Pipes and event descriptors: eventfd, epoll and inotify.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Pipe: {
    doc: "Pipe creates a pipe and stores its read and write descriptors in p[0] and p[1].",
    kernel: [{ kernel: "pipe2", args: ["p:pair", 0] }],
    params: { p: "[]int" },
    blocking: false,
  },
  Pipe2: {
    doc: "Pipe2 creates a pipe with flags and stores its read and write descriptors in p[0] and p[1].",
    kernel: [{ kernel: "pipe2", args: ["p:pair", "flags"] }],
    params: { p: "[]int", flags: "int" },
    blocking: false,
  },
  Eventfd: {
    doc: "Eventfd creates an event counter descriptor starting at initval.",
    kernel: "eventfd2",
    params: { initval: "uint", flags: "int" },
    results: { fd: "int" },
    blocking: false,
  },
  EpollCreate1: {
    doc: "EpollCreate1 creates an epoll instance and returns its descriptor.",
    kernel: "epoll_create1",
    params: { flag: "int" },
    results: { fd: "int" },
    blocking: false,
  },
  EpollCtl: {
    doc: "EpollCtl adds, changes or removes the interest of the epoll instance epfd in fd.",
    kernel: "epoll_ctl",
    params: { epfd: "int", op: "int", fd: "int", event: "in *EpollEvent" },
    blocking: false,
  },
  EpollWait: {
    doc: "EpollWait waits up to msec milliseconds for events on epfd and stores them in events.",
    kernel: [
      { kernel: "epoll_wait" },
      { kernel: "epoll_pwait", args: ["epfd", "events", "msec", 0, 0] },
    ],
    params: { epfd: "int", events: "[]EpollEvent", msec: "int" },
    results: { n: "int" },
  },
  InotifyInit1: {
    doc: "InotifyInit1 creates an inotify instance and returns its descriptor.",
    kernel: "inotify_init1",
    params: { flags: "int" },
    results: { fd: "int" },
    blocking: false,
  },
  InotifyAddWatch: {
    doc: "InotifyAddWatch watches pathname for the events in mask and returns the watch descriptor.",
    kernel: "inotify_add_watch",
    params: { fd: "int", pathname: "string", mask: "uint32" },
    results: { watchdesc: "int" },
  },
  InotifyRmWatch: {
    doc: "InotifyRmWatch removes the watch watchdesc from the inotify instance fd.",
    kernel: "inotify_rm_watch",
    params: { fd: "int", watchdesc: "uint32" },
    results: { success: "int" },
    blocking: false,
  },
});
