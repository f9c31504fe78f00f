/**
 * System statistics filled by sysinfo: struct sysinfo (include/uapi/linux/sysinfo.h). Its trailing
 * char _f[20 - 2*sizeof(long) - sizeof(int)] is 8 bytes on 32-bit arches and empty on 64-bit ones.
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Sysinfo_t: {
    c: "struct sysinfo",
    variants: [
      {
        arches: ["386", "arm", "mips", "mipsle"],
        fields: {
          Uptime: "long",
          Loads: "[3]ulong",
          Totalram: "ulong",
          Freeram: "ulong",
          Sharedram: "ulong",
          Bufferram: "ulong",
          Totalswap: "ulong",
          Freeswap: "ulong",
          Procs: "uint16",
          Pad: "uint16",
          Totalhigh: "ulong",
          Freehigh: "ulong",
          Unit: "uint32",
          _f: "[8]int8",
        },
      },
      {
        arches: ["amd64", "arm64", "loong64", "mips64", "mips64le", "ppc64", "ppc64le", "riscv64", "s390x"],
        fields: {
          Uptime: "long",
          Loads: "[3]ulong",
          Totalram: "ulong",
          Freeram: "ulong",
          Sharedram: "ulong",
          Bufferram: "ulong",
          Totalswap: "ulong",
          Freeswap: "ulong",
          Procs: "uint16",
          Pad: "uint16",
          Totalhigh: "ulong",
          Freehigh: "ulong",
          Unit: "uint32",
          _f: "[0]int8",
        },
      },
    ],
  },
});
