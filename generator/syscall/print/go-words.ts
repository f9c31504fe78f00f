/**
 * Prints register words and constant values as Go expressions. Only syntax is decided here: what
 * each word holds was decided by the resolve stage.
 */
import type { WordIR } from "../ir.js";
import { goLocalName } from "../../core/go-names.js";

/** The Go expression that yields one register word as a uintptr. */
export function goWord(word: WordIR): string {
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
    case "local":
      return `uintptr(${word.local})`;
    case "address":
      return `uintptr(unsafe.Pointer(&${goLocalName(word.local)}))`;
    case "length":
      return `uintptr(len(${goLocalName(word.param)}))`;
  }
}

/** A constant value as Go source: hex like golang.org/x/sys/unix, or decimal. */
export function goNumber(value: bigint, radix: "hex" | "decimal"): string {
  if (radix === "decimal") return value.toString(10);
  return value < 0n ? `-0x${(-value).toString(16)}` : `0x${value.toString(16)}`;
}
