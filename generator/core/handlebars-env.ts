/**
 * The handlebars environment: strict mode (a missing field is an error, not an empty string),
 * no HTML escaping, and an explicit list of the helpers templates may call.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "./package-root.js";

/** A compiled entry template: view model in, file text out. */
export type Template = (view: object) => string;

/** Helpers available to templates, by name. Each is small and only formats. */
export type Helpers = Record<string, (...args: never[]) => string>;

/** A language's templates: one entry template per output kind, and the partials they are made of. */
export interface TemplateSet {
  entries: Record<string, Template>;
  partials: Record<string, Template>;
}

/**
 * Loads a printer's templates folder (`folder`, relative to the package root, as the sources
 * ship: tsc does not copy templates into dist/): its partials and its entry templates, compiled
 * with `helpers`.
 */
export function loadTemplates(folder: string, helpers: Helpers): TemplateSet {
  const env = Handlebars.create();
  const dir = join(packageRoot(), folder);
  const options: CompileOptions = {
    strict: true,
    noEscape: true,
    knownHelpers: Object.fromEntries(Object.keys(helpers).map((name) => [name, true])),
    knownHelpersOnly: true,
  };
  for (const [name, helper] of Object.entries(helpers)) {
    // Handlebars passes an options hash last; the helpers take only their positional arguments.
    env.registerHelper(name, (...args: unknown[]) => (helper as (...a: unknown[]) => string)(...args.slice(0, -1)));
  }
  const compileDir = (from: string, register: boolean): Record<string, Template> => {
    const compiled: Record<string, Template> = {};
    for (const file of readdirSync(from).filter((f) => f.endsWith(".hbs")).sort()) {
      const name = basename(file, ".hbs");
      const template = env.compile(readFileSync(join(from, file), "utf8"), options);
      if (register) env.registerPartial(name, template);
      compiled[name] = (view) => template(view);
    }
    return compiled;
  };
  const partials = compileDir(join(dir, "partials"), true);
  return { entries: compileDir(dir, false), partials };
}
