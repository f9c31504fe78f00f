/**
 * Sockets, for the calls that take no socket address.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Socket: {
    doc: "Socket creates an endpoint for communication and returns its descriptor.",
    kernel: "socket",
    params: { domain: "int", typ: "int", proto: "int" },
    results: { fd: "int" },
    blocking: false,
  },
  Socketpair: {
    doc: "Socketpair creates a pair of connected sockets and returns their descriptors.",
    kernel: [{ kernel: "socketpair", args: ["domain", "typ", "proto", "&fd"] }],
    params: { domain: "int", typ: "int", proto: "int" },
    results: { fd: "[2]int" },
    blocking: false,
  },
  Listen: {
    doc: "Listen marks the socket s as accepting connections, with a queue of up to n.",
    kernel: "listen",
    params: { s: "int", n: "int" },
  },
  Shutdown: {
    doc: "Shutdown shuts down the reading, writing or both sides of the socket fd.",
    kernel: "shutdown",
    params: { fd: "int", how: "int" },
  },
});
