/**
 * Reading and rewriting an arch spec (specs/arch/<goarch>.ts) through its syntax tree: the
 * import reads where the kernel keeps this arch's tables and writes back only the four
 * imported properties of `kernel`, leaving every other byte of the file alone.
 */
import { Node, ObjectLiteralExpression, Project, PropertyAssignment, SourceFile } from "ts-morph";
import { ImportError } from "./import-error.js";

/** What the import needs from an arch spec. */
export interface ArchSettings {
  goarch: string;
  bits: number;
  table: string;
  abis: string[];
  abiMakefile: string | undefined;
  errnoHeader: string;
  signalHeader: string;
}

/** The properties of `kernel` the import owns, as source text for their initializers. */
export type ImportedText = Record<"version" | "syscalls" | "errno" | "signals", string>;

/** An arch spec parsed from text, kept in memory so the disk is touched only to write a change. */
export class ArchFile {
  readonly path: string;
  private readonly source: SourceFile;

  constructor(path: string, text: string) {
    this.path = path;
    const project = new Project({ useInMemoryFileSystem: true, skipFileDependencyResolution: true });
    this.source = project.createSourceFile("/arch.ts", text);
  }

  /** Reads the settings from `export default defineArch({...})`. */
  settings(): ArchSettings {
    const spec = this.specObject();
    const kernel = this.objectProperty(spec, "kernel");
    const abis = this.property(kernel, "abis").getInitializer();
    if (!Node.isArrayLiteralExpression(abis)) throw this.error(kernel, "kernel.abis is not an array literal");
    return {
      goarch: this.stringProperty(spec, "goarch"),
      bits: this.bits(spec),
      table: this.stringProperty(kernel, "table"),
      abis: abis.getElements().map((element) => this.stringValue(element, "kernel.abis")),
      abiMakefile: kernel.getProperty("abiMakefile") === undefined ? undefined : this.stringProperty(kernel, "abiMakefile"),
      errnoHeader: this.stringProperty(kernel, "errnoHeader"),
      signalHeader: this.stringProperty(kernel, "signalHeader"),
    };
  }

  /**
   * Returns the file text with the imported initializers replaced. Text is `\n`-separated and
   * indented from the property's own line, so a file laid out like the others stays so.
   */
  rewrite(render: (indent: string) => ImportedText): string {
    const kernel = this.objectProperty(this.specObject(), "kernel");
    const names = ["version", "syscalls", "errno", "signals"] as const;
    const imported = names.map((name) => this.property(kernel, name));
    const text = render(imported[0]!.getIndentationText());
    const ranges = imported.map((property, index) => {
      const initializer = property.getInitializerOrThrow();
      return { start: initializer.getStart(), end: initializer.getEnd(), text: text[names[index]!] };
    });
    // Replace from the end backwards so earlier offsets stay valid.
    for (const range of ranges.sort((a, b) => b.start - a.start)) {
      this.source.replaceText([range.start, range.end], range.text);
    }
    return this.source.getFullText();
  }

  private specObject(): ObjectLiteralExpression {
    const exported = this.source.getExportAssignment((assignment) => !assignment.isExportEquals());
    const call = exported?.getExpression();
    const argument = Node.isCallExpression(call) && call.getExpression().getText() === "defineArch" ? call.getArguments()[0] : undefined;
    if (!Node.isObjectLiteralExpression(argument)) {
      throw new ImportError(this.path, undefined, "expected `export default defineArch({...})`");
    }
    return argument;
  }

  private bits(spec: ObjectLiteralExpression): number {
    const initializer = this.property(spec, "bits").getInitializer();
    const bits = Node.isNumericLiteral(initializer) ? initializer.getLiteralValue() : undefined;
    if (bits !== 32 && bits !== 64) throw this.error(initializer, "bits is not 32 or 64");
    return bits;
  }

  private property(object: ObjectLiteralExpression, name: string): PropertyAssignment {
    const found = object.getProperty(name);
    if (!Node.isPropertyAssignment(found)) throw this.error(object, `no \`${name}: ...\` property`);
    return found;
  }

  private objectProperty(object: ObjectLiteralExpression, name: string): ObjectLiteralExpression {
    const initializer = this.property(object, name).getInitializer();
    if (!Node.isObjectLiteralExpression(initializer)) throw this.error(initializer, `${name} is not an object literal`);
    return initializer;
  }

  private stringProperty(object: ObjectLiteralExpression, name: string): string {
    return this.stringValue(this.property(object, name).getInitializer(), name);
  }

  private stringValue(node: Node | undefined, what: string): string {
    if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
    throw this.error(node, `${what} is not a string literal`);
  }

  private error(node: Node | undefined, message: string): ImportError {
    return new ImportError(this.path, node?.getStartLineNumber(), message);
  }
}
