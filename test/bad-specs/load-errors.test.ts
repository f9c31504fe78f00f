/**
 * Mistakes the load stage catches: TypeScript type errors and spec files that compute, spread, or
 * export something other than a define call. Each case changes one thing in the fixture.
 */
import { describe } from "vitest";
import { testCases } from "./bad-spec-case.js";

describe("load-stage mistakes", () => {
  testCases([
    {
      name: "type-error",
      description: "bits is 48, which TypeScript rejects",
      edits: [{ file: "arch/arm.ts", find: "bits: 32", replace: "bits: 48" }],
      file: "arch/arm.ts",
      // TypeScript reports an object literal property of the wrong type at the property's name.
      at: "^bits: 48",
      message: "Type '48' is not assignable to type '32 | 64'",
      code: 2322,
    },
    {
      name: "computed-value",
      description: "a constant's value is an expression",
      edits: [{ file: "constants/open.ts", find: "O_CLOEXEC: 0x80000", replace: "O_CLOEXEC: 0x40000 * 2" }],
      file: "constants/open.ts",
      at: "O_CLOEXEC: ^0x40000 * 2",
      message: "a spec value must be a literal, not `0x40000 * 2`",
    },
    {
      name: "spread",
      description: "a constant group spreads another object",
      edits: [
        { file: "constants/open.ts", find: "O_CLOEXEC: 0x80000,", replace: "...cloexec," },
        {
          file: "constants/open.ts",
          find: "export default defineConstants({",
          replace: "const cloexec = { O_CLOEXEC: 0x80000 };\n\nexport default defineConstants({",
        },
      ],
      file: "constants/open.ts",
      at: "^...cloexec,",
      message: "only `name: value` properties are allowed in a spec, not `...cloexec`",
    },
    {
      name: "not-a-define-call",
      description: "the default export is a bare object, not a defineStructs call",
      edits: [
        { file: "types/structs.ts", find: "export default defineStructs({", replace: "export default {" },
        { file: "types/structs.ts", find: "\n});", replace: "\n};" },
      ],
      file: "types/structs.ts",
      at: "export default ^{",
      message: "a spec file must `export default` a call to one of defineArch, defineSyscalls, defineStructs, defineConstants",
    },
  ]);
});
