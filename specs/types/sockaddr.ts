/**
 * Socket addresses as the kernel reads and writes them (include/linux/socket.h, and
 * include/uapi/linux/in.h, in6.h, un.h and netlink.h). x/sys declares the C chars of sa_data as int8
 * or uint8 depending on the arch, and those of sun_path as int8 everywhere.
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  RawSockaddr: {
    c: "struct sockaddr",
    fields: { Family: "uint16", Data: "[14]int8" },
    variants: [{ arches: ["arm", "ppc64", "ppc64le", "riscv64"], fields: { Family: "uint16", Data: "[14]uint8" } }],
  },
  RawSockaddrInet4: {
    c: "struct sockaddr_in",
    fields: {
      Family: "uint16",
      Port: "uint16", // big-endian
      Addr: { type: "[4]uint8", alignAs: "uint32" }, // struct in_addr, a __be32
      Zero: "[8]uint8",
    },
  },
  RawSockaddrInet6: {
    c: "struct sockaddr_in6",
    fields: {
      Family: "uint16",
      Port: "uint16", // big-endian
      Flowinfo: "uint32",
      Addr: { type: "[16]uint8", alignAs: "uint32" }, // struct in6_addr, a union with __be32 members
      Scope_id: "uint32",
    },
  },
  RawSockaddrUnix: {
    c: "struct sockaddr_un",
    fields: { Family: "uint16", Path: "[108]int8" },
  },
  RawSockaddrNetlink: {
    c: "struct sockaddr_nl",
    fields: { Family: "uint16", Pad: "uint16", Pid: "uint32", Groups: "uint32" },
  },
});
