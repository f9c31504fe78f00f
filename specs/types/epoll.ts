/**
 * An epoll event: struct epoll_event (include/uapi/linux/eventpoll.h), a __u32 events and a __u64
 * data that is packed against it on x86_64 only. x/sys splits data into Fd and Pad, and on arm,
 * arm64 and mips names the padding before data PadFd.
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  EpollEvent: {
    c: "struct epoll_event",
    packed: ["amd64"],
    fields: {
      Events: "uint32",
      Fd: { type: "int32", alignAs: "uint64" },
      Pad: "int32",
    },
    variants: [
      {
        arches: ["arm", "arm64", "mips", "mipsle"],
        fields: {
          Events: "uint32",
          PadFd: "int32",
          Fd: { type: "int32", alignAs: "uint64" },
          Pad: "int32",
        },
      },
    ],
  },
});
