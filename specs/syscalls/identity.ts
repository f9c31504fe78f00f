/**
 * User and group IDs and capabilities of the caller.
 */
import { defineSyscalls } from "syscallgen/spec";

// 386 and arm's plain getuid & co. are the old 16-bit calls; the *32 entries take their place there.
export default defineSyscalls({
  Getuid: {
    doc: "Getuid returns the real user ID of the caller.",
    kernel: [{ kernel: "getuid32" }, { kernel: "getuid" }],
    results: { uid: "int" },
    blocking: false,
    noError: true,
  },
  Geteuid: {
    doc: "Geteuid returns the effective user ID of the caller.",
    kernel: [{ kernel: "geteuid32" }, { kernel: "geteuid" }],
    results: { euid: "int" },
    blocking: false,
    noError: true,
  },
  Getgid: {
    doc: "Getgid returns the real group ID of the caller.",
    kernel: [{ kernel: "getgid32" }, { kernel: "getgid" }],
    results: { gid: "int" },
    blocking: false,
    noError: true,
  },
  Getegid: {
    doc: "Getegid returns the effective group ID of the caller.",
    kernel: [{ kernel: "getegid32" }, { kernel: "getegid" }],
    results: { egid: "int" },
    blocking: false,
    noError: true,
  },
  Capget: {
    doc: "Capget stores the capability sets of the thread hdr names in data.",
    kernel: "capget",
    // The kernel writes the version it supports back into hdr when hdr's is not one it knows.
    params: { hdr: "inout *CapUserHeader", data: "out *CapUserData" },
    blocking: false,
  },
  Capset: {
    doc: "Capset sets the capability sets of the calling thread from data.",
    kernel: "capset",
    params: { hdr: "inout *CapUserHeader", data: "in *CapUserData" },
    blocking: false,
  },
});
