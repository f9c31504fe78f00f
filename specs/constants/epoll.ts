/**
 * epoll events, control operations and flags (include/uapi/linux/eventpoll.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  epollEvents: {
    doc: "Events in EpollEvent.Events.",
    values: {
      EPOLLIN: 0x1,
      EPOLLPRI: 0x2,
      EPOLLOUT: 0x4,
      EPOLLERR: 0x8,
      EPOLLHUP: 0x10,
      EPOLLRDNORM: 0x40,
      EPOLLRDBAND: 0x80,
      EPOLLWRNORM: 0x100,
      EPOLLWRBAND: 0x200,
      EPOLLMSG: 0x400,
      EPOLLRDHUP: 0x2000,
      EPOLLEXCLUSIVE: 0x10000000,
      EPOLLWAKEUP: 0x20000000,
      EPOLLONESHOT: 0x40000000,
      EPOLLET: 0x80000000,
    },
  },
  epollCtl: {
    doc: "Operations for epoll_ctl.",
    radix: "decimal",
    values: {
      EPOLL_CTL_ADD: 1,
      EPOLL_CTL_DEL: 2,
      EPOLL_CTL_MOD: 3,
    },
  },
  epollCreateFlags: {
    doc: "Flag for epoll_create1: the arch's O_CLOEXEC.",
    values: {
      EPOLL_CLOEXEC: 0x80000,
    },
  },
});
