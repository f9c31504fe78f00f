/**
 * Magic numbers and commands of reboot (include/uapi/linux/reboot.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  rebootMagic: {
    doc: "The magic arguments reboot requires.",
    values: {
      LINUX_REBOOT_MAGIC1: 0xfee1dead,
      LINUX_REBOOT_MAGIC2: 0x28121969,
    },
  },
  rebootCommands: {
    doc: "Commands for reboot.",
    values: {
      LINUX_REBOOT_CMD_RESTART: 0x1234567,
      LINUX_REBOOT_CMD_HALT: 0xcdef0123,
      LINUX_REBOOT_CMD_CAD_ON: 0x89abcdef,
      LINUX_REBOOT_CMD_CAD_OFF: 0x0,
      LINUX_REBOOT_CMD_POWER_OFF: 0x4321fedc,
      LINUX_REBOOT_CMD_RESTART2: 0xa1b2c3d4,
      LINUX_REBOOT_CMD_SW_SUSPEND: 0xd000fce2,
      LINUX_REBOOT_CMD_KEXEC: 0x45584543,
    },
  },
});
