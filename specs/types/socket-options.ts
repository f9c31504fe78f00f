/**
 * Values of the SO_LINGER and SO_PEERCRED socket options (include/linux/socket.h).
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Linger: {
    c: "struct linger",
    fields: { Onoff: "int32", Linger: "int32" },
  },
  Ucred: {
    c: "struct ucred",
    fields: { Pid: "int32", Uid: "uint32", Gid: "uint32" },
  },
});
