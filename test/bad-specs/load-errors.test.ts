/**
 * Mistakes the load stage catches: TypeScript type errors and spec files that compute, spread, or
 * export something other than a define call. Each case folder changes one thing in the fixture.
 */
import { describe } from "vitest";
import { testCases } from "./bad-spec-case.js";

describe("load-stage mistakes", () => {
  testCases([
    {
      name: "type-error",
      file: "arch/arm.ts",
      // TypeScript reports an object literal property of the wrong type at the property's name.
      at: "^bits: 48",
      message: "Type '48' is not assignable to type '32 | 64'",
      code: 2322,
    },
    {
      name: "computed-value",
      file: "constants/open.ts",
      at: "O_CLOEXEC: ^0x40000 * 2",
      message: "a spec value must be a literal, not `0x40000 * 2`",
    },
    {
      name: "spread",
      file: "constants/open.ts",
      at: "^...cloexec,",
      message: "only `name: value` properties are allowed in a spec, not `...cloexec`",
    },
    {
      name: "not-a-define-call",
      file: "types/structs.ts",
      at: "export default ^{",
      message: "a spec file must `export default` a call to one of defineArch, defineSyscalls, defineStructs, defineConstants",
    },
  ]);
});
