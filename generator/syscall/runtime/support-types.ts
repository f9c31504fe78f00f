/**
 * What the hand-written support file (templates/go/support.go.hbs) declares that specs may refer
 * to. Kept next to the emitter so validation and the template agree on one list.
 */

/** Named Go types the support file declares, usable as pointer targets in syscall specs. */
export const goSupportTypes: readonly string[] = ["WaitStatus"];
