/**
 * What a read from a signalfd returns for each signal: struct signalfd_siginfo
 * (include/uapi/linux/signalfd.h), 128 bytes on every arch.
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  SignalfdSiginfo: {
    c: "struct signalfd_siginfo",
    fields: {
      Signo: "uint32",
      Errno: "int32",
      Code: "int32",
      Pid: "uint32",
      Uid: "uint32",
      Fd: "int32",
      Tid: "uint32",
      Band: "uint32",
      Overrun: "uint32",
      Trapno: "uint32",
      Status: "int32",
      Int: "int32",
      Ptr: "uint64",
      Utime: "uint64",
      Stime: "uint64",
      Addr: "uint64",
      Addr_lsb: "uint16",
      _pad2: "uint16",
      Syscall: "int32",
      Call_addr: "uint64",
      Arch: "uint32",
      _pad: "[28]uint8",
    },
  },
});
