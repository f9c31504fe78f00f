/**
 * Prints register words and constant values as Go expressions. Only syntax is decided here: what
 * each word holds was decided by the resolve stage.
 */
import type { PrepareIR, WordIR } from "../ir.js";
import { goLocalName } from "../../core/go-names.js";
import type { Radix } from "../spec/types.js";
import { goLocals } from "./go-locals.js";
import { stepWord } from "./go-steps.js";

/** The Go expression that yields one register word as a uintptr; `steps` are the wrapper's `prepare`. */
export function goWord(word: WordIR, steps: readonly PrepareIR[]): string {
  switch (word.kind) {
    case "value":
      return word.orConstant ? `uintptr(${goLocalName(word.param)}|${word.orConstant})` : `uintptr(${goLocalName(word.param)})`;
    case "low":
      return `uintptr(${goLocalName(word.param)})`;
    case "high":
      // gofmt writes binary operators inside call arguments without spaces.
      return `uintptr(${goLocalName(word.param)}>>32)`;
    case "const":
      // A negative constant does not convert to uintptr; its complement spells the same bits.
      return word.value < 0 ? `^uintptr(${-word.value - 1})` : String(word.value);
    case "pointer":
      return `uintptr(unsafe.Pointer(${goLocalName(word.param)}))`;
    case "length":
      return `uintptr(len(${goLocalName(word.param)}))`;
    case "prepared": {
      const step = steps[word.step];
      if (!step) throw new Error(`print: a word passes preparation step ${word.step}, which the wrapper does not have`);
      return stepWord(step, word.step);
    }
    case "resultAddress":
      return `uintptr(unsafe.Pointer(&${goLocalName(word.result)}))`;
    case "emptyPath":
      return `uintptr(unsafe.Pointer(&${goLocals.zero}))`;
    case "block":
      return `uintptr(unsafe.Pointer(&${goLocals.block}))`;
  }
}

/** A constant value as Go source: hex like golang.org/x/sys/unix, or decimal. */
export function goNumber(value: bigint, radix: Radix): string {
  switch (radix) {
    case "decimal":
      return value.toString(10);
    case "hex":
      return value < 0n ? `-0x${(-value).toString(16)}` : `0x${value.toString(16)}`;
  }
}
