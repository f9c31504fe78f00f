/**
 * The `#if`/`#elif`/`#else`/`#endif` nesting of one header, and what is known about whether
 * the current line is compiled: surely, surely not, or only depending on the target compiler.
 */
import type { ConditionResult } from "./cpp-condition.js";

interface Group {
  /** Whether the current branch of this group is selected, judging the group alone. */
  selected: boolean;
  /** Whether some branch so far was selected; later #elif/#else branches then are not. */
  taken: boolean;
  /** False when the condition could not be read, so `selected` means nothing. */
  known: boolean;
  /** Target-defined or unknown macros the branch choice so far rests on. */
  dependsOn: string[];
  line: number;
}

/** Conditional state of one file; methods throw plain Errors for the caller to place. */
export class ConditionStack {
  private readonly groups: Group[] = [];

  constructor(private readonly decide: (expression: string) => ConditionResult) {}

  /** Whether the current line is compiled, taking unknowable macros as undefined. */
  get live(): boolean {
    return this.groups.every((group) => group.selected);
  }

  /** Whether the current line is skipped whatever the target: a known branch is not selected. */
  get surelySkipped(): boolean {
    return skippedBy(this.groups);
  }

  /** What the current line's being compiled rests on; empty when that is certain. */
  get dependsOn(): string[] {
    return [...new Set(this.groups.flatMap((group) => group.dependsOn))].sort();
  }

  /** Line of the innermost open group, if any is open. */
  get openLine(): number | undefined {
    return this.groups[this.groups.length - 1]?.line;
  }

  open(expression: string, line: number): void {
    // Groups inside a surely skipped one are never read, as a compiler never evaluates them.
    const result = this.surelySkipped ? { selected: false, known: false, dependsOn: [] } : this.evaluate(expression, this.live);
    this.groups.push({ ...result, taken: result.selected, line });
  }

  elif(expression: string): void {
    const group = this.top("#elif");
    if (group.taken || skippedBy(this.groups.slice(0, -1))) {
      group.selected = false;
      return;
    }
    const outerLive = this.groups.slice(0, -1).every((outer) => outer.selected);
    const result = this.evaluate(expression, outerLive);
    group.selected = result.selected;
    group.taken = result.selected;
    group.known &&= result.known;
    group.dependsOn = [...group.dependsOn, ...result.dependsOn];
  }

  else(): void {
    const group = this.top("#else");
    group.selected = !group.taken;
    group.taken = true;
  }

  endif(): void {
    this.top("#endif");
    this.groups.pop();
  }

  private top(directive: string): Group {
    const group = this.groups[this.groups.length - 1];
    if (group === undefined) throw new Error(`${directive} without #if`);
    return group;
  }

  /** An unreadable condition is an error only where the compiler would read it too. */
  private evaluate(expression: string, mustRead: boolean): Pick<Group, "selected" | "known" | "dependsOn"> {
    try {
      const result = this.decide(expression);
      return { selected: result.value, known: true, dependsOn: result.dependsOn };
    } catch (err) {
      if (mustRead) throw err;
      return { selected: false, known: false, dependsOn: [] };
    }
  }
}

function skippedBy(groups: Group[]): boolean {
  return groups.some((group) => group.known && !group.selected && group.dependsOn.length === 0);
}
