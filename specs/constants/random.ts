/**
 * Flags for getrandom (include/uapi/linux/random.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  getrandomFlags: {
    doc: "Flags for getrandom.",
    values: {
      GRND_NONBLOCK: 0x1,
      GRND_RANDOM: 0x2,
      GRND_INSECURE: 0x4,
    },
  },
});
