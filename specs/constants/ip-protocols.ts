/**
 * IP protocol numbers (include/uapi/linux/in.h and in6.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  ipProtocols: {
    doc: "Protocols for socket's proto argument and the IPv6 extension header numbers.",
    radix: "decimal",
    values: {
      IPPROTO_IP: 0,
      IPPROTO_HOPOPTS: 0,
      IPPROTO_ICMP: 1,
      IPPROTO_IGMP: 2,
      IPPROTO_IPIP: 4,
      IPPROTO_TCP: 6,
      IPPROTO_EGP: 8,
      IPPROTO_PUP: 12,
      IPPROTO_UDP: 17,
      IPPROTO_IDP: 22,
      IPPROTO_TP: 29,
      IPPROTO_DCCP: 33,
      IPPROTO_IPV6: 41,
      IPPROTO_ROUTING: 43,
      IPPROTO_FRAGMENT: 44,
      IPPROTO_RSVP: 46,
      IPPROTO_GRE: 47,
      IPPROTO_ESP: 50,
      IPPROTO_AH: 51,
      IPPROTO_ICMPV6: 58,
      IPPROTO_NONE: 59,
      IPPROTO_DSTOPTS: 60,
      IPPROTO_MTP: 92,
      IPPROTO_BEETPH: 94,
      IPPROTO_ENCAP: 98,
      IPPROTO_PIM: 103,
      IPPROTO_COMP: 108,
      IPPROTO_L2TP: 115,
      IPPROTO_SCTP: 132,
      IPPROTO_MH: 135,
      IPPROTO_UDPLITE: 136,
      IPPROTO_MPLS: 137,
      IPPROTO_ETHERNET: 143,
      IPPROTO_SMC: 256,
      IPPROTO_RAW: 255,
      IPPROTO_MPTCP: 262,
    },
  },
});
