/**
 * One declaration per option. From an {@link OptionSpec} come the CLI flag, the question asked in
 * a terminal, the default, the validation, the `.yo-rc.json` team default and the README row, so
 * none of them can drift from the others.
 */
import { UsageError } from './errors.js';
import { type Check, describeProblem } from './naming.js';

export type Answers = Record<string, unknown>;

/** What a resolver knows besides the answers so far (for example: is this an existing app?). */
export interface ResolveContext {
  /** True when adding to an existing project: options with `scope: 'project'` are not asked. */
  existingProject: boolean;
  /** Values the existing project already fixes (detected from its files), by option name. */
  fixed: Answers;
}

export interface Choice {
  value: string;
  summary: string;
}

interface OptionBase {
  /** The key in answers and in `.yo-rc.json`; the flag is its kebab-case form. */
  name: string;
  /** One sentence for `--help`, the README and (without `prompt`) the question. */
  description: string;
  /** The question asked in a terminal; options without one are never asked. */
  prompt?: string;
  /** A positional argument (`pyazure function <name>`) rather than a `--flag`. */
  positional?: boolean;
  /** How a positional argument is named in messages, e.g. "Function name". */
  label?: string;
  /** Saved to `.yo-rc.json` when a project is created and read back as the team default. */
  teamDefault?: boolean;
  /**
   * `project`: chosen when the project is created and fixed afterwards (Python version, model).
   * `item`: chosen for each function, role or app the run adds (the default).
   */
  scope?: 'project' | 'item';
  /** Whether the option applies, given earlier answers; a flag given when it does not is an error. */
  when?: (answers: Answers) => boolean;
  /** For `--help` and the README: when the option applies, in words. */
  appliesTo?: string;
  /** For `--help` and the README when `default` is computed. */
  defaultLabel?: string;
  /** The option has no default: without a value, an interactive run asks, any other run fails. */
  required?: boolean;
  /** A value that passes the checks, shown in the "missing value" error. */
  example?: string;
}

export interface StringOption extends OptionBase {
  kind: 'string';
  default?: string | ((answers: Answers) => string | undefined);
  check?: Check;
  /** `--no-<flag>` is accepted and gives `false`: "none of this" (e.g. `--no-web-role`). */
  negatable?: boolean;
}

export interface BooleanOption extends OptionBase {
  kind: 'boolean';
  default?: boolean | ((answers: Answers) => boolean);
}

export interface ChoiceOption extends OptionBase {
  kind: 'choice';
  choices: readonly Choice[];
  default?: string | ((answers: Answers) => string | undefined);
}

/** A comma-separated list, each item one of `items` (case-insensitive), without repeats. */
export interface ListOption extends OptionBase {
  kind: 'list';
  items: readonly string[];
  default?: readonly string[];
}

export type OptionSpec = StringOption | BooleanOption | ChoiceOption | ListOption;

export function flagOf(spec: OptionSpec): string {
  return spec.name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** How the option is named in messages: `--auth-level`, or the argument's description. */
export function subjectOf(spec: OptionSpec): string {
  return spec.positional ? (spec.label ?? `<${spec.name}>`) : `--${flagOf(spec)}`;
}

export function defaultOf(spec: OptionSpec, answers: Answers): unknown {
  return typeof spec.default === 'function' ? spec.default(answers) : spec.default;
}

/**
 * For an option given where it does not apply: the option where it does, read from every condition
 * of the first case of `appliesTo` ("with --trigger http|timer" -> "--trigger http --route x";
 * "with --framework django --os linux" -> "--framework django --os linux --migrate"), else the hint
 * to leave it out.
 */
function exampleWhereApplies(spec: OptionSpec, value: unknown): string {
  const given = spec.positional ? String(value) : `${subjectOf(spec)}${spec.kind === 'boolean' ? '' : ` ${String(value)}`}`;
  // The first of the alternatives ("with --trigger http with --output queue, queue") is enough.
  const firstCase = /^with --/.test(spec.appliesTo ?? '') ? spec.appliesTo!.split(',')[0]! : '';
  const conditions = [...firstCase.matchAll(/(--[a-z-]+) ([^|\s]+)/g)];
  return conditions.length > 0 ? `${conditions.map((condition) => `${condition[1]} ${condition[2]}`).join(' ')} ${given}` : `the command without ${subjectOf(spec)}`;
}

/** The default as `--help` and the README show it. */
export function describeDefault(spec: OptionSpec): string {
  if (spec.defaultLabel) return spec.defaultLabel;
  if (spec.default === undefined) return spec.required ? '(required)' : '(none)';
  if (typeof spec.default === 'function') return '(computed)';
  if (Array.isArray(spec.default)) return spec.default.join(',');
  return String(spec.default);
}

/**
 * Turns a raw value (a CLI string, a prompt answer, a stored JSON value) into the option's typed
 * value, or throws a {@link UsageError} naming the value, the rule and a valid example.
 */
export function parseOption(spec: OptionSpec, raw: unknown, source = subjectOf(spec)): unknown {
  switch (spec.kind) {
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'string' && /^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
      throw new UsageError(describeProblem(source, raw, { rule: 'must be true or false', example: 'true' }));
    }
    case 'choice': {
      const text = typeof raw === 'number' ? String(raw) : raw;
      const choice = spec.choices.find((candidate) => typeof text === 'string' && candidate.value.toLowerCase() === text.toLowerCase());
      if (!choice) {
        const values = spec.choices.map((candidate) => candidate.value);
        throw new UsageError(describeProblem(source, raw, { rule: `must be one of ${values.join(', ')}`, example: values[0]! }));
      }
      return choice.value;
    }
    case 'list': {
      const items = (Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',') : [])
        .map((item) => item.trim().toLowerCase())
        .filter((item) => item.length > 0);
      const rule = `must be a comma-separated list of ${spec.items.join(', ')}, each at most once`;
      const example = spec.items.slice(0, 2).join(',');
      if (items.length === 0 || items.some((item) => !spec.items.includes(item)) || new Set(items).size !== items.length) {
        throw new UsageError(describeProblem(source, raw, { rule, example }));
      }
      return items;
    }
    case 'string': {
      if (spec.negatable && (raw === false || raw === 'false')) return false;
      if (typeof raw !== 'string' && typeof raw !== 'number') {
        throw new UsageError(describeProblem(source, raw, { rule: 'must be text', example: spec.example ?? 'value' }));
      }
      const value = String(raw);
      const problem = spec.check?.(value);
      if (problem) throw new UsageError(describeProblem(source, value, problem));
      return value;
    }
  }
}

/** Asks one question; returns the raw answer. Supplied by the generator (Yeoman's prompt). */
export type Ask = (spec: OptionSpec, suggested: unknown) => Promise<unknown>;

export interface ResolveInput {
  /** Values given on the command line or by a composing generator, by option name. */
  given: Answers;
  /** Team defaults from `.yo-rc.json`, by option name. */
  stored: Answers;
  /** Present when the run may ask questions. */
  ask?: Ask;
  context: ResolveContext;
}

/**
 * Resolves every option in declaration order (later `when` and defaults see earlier answers):
 * a given value, else the existing project's value, else an answer, else the team default, else the
 * documented default. Validates each value on the way; nothing is written before this returns.
 */
export async function resolveOptions(specs: readonly OptionSpec[], input: ResolveInput): Promise<Answers> {
  const answers: Answers = {};
  const { given, stored, ask, context } = input;
  for (const spec of specs) {
    const subject = subjectOf(spec);
    const applies = spec.when?.(answers) ?? true;
    const isGiven = given[spec.name] !== undefined;
    if (!applies) {
      if (isGiven) {
        throw new UsageError(describeProblem(subject, given[spec.name], { rule: `does not apply here: it is used only ${spec.appliesTo ?? 'in other cases'}`, example: exampleWhereApplies(spec, given[spec.name]) }));
      }
      continue;
    }
    const fixedValue = spec.scope === 'project' && context.existingProject ? context.fixed[spec.name] : undefined;
    if (fixedValue !== undefined) {
      if (isGiven && parseOption(spec, given[spec.name]) !== fixedValue) {
        throw new UsageError(
          describeProblem(subject, given[spec.name], { rule: `conflicts with this project, which uses ${JSON.stringify(fixedValue)} (or omit ${subject} when adding to it)`, example: String(fixedValue) }),
        );
      }
      answers[spec.name] = fixedValue;
      continue;
    }
    if (isGiven) {
      answers[spec.name] = parseOption(spec, given[spec.name]);
      continue;
    }
    const storedValue = spec.teamDefault ? stored[spec.name] : undefined;
    const suggested = storedValue ?? defaultOf(spec, answers);
    const askable = ask && spec.prompt && !(spec.scope === 'project' && context.existingProject);
    if (askable) {
      answers[spec.name] = parseOption(spec, await ask(spec, suggested));
    } else if (storedValue !== undefined) {
      answers[spec.name] = parseOption(spec, storedValue, `.yo-rc.json value ${spec.name}`);
    } else if (suggested !== undefined) {
      answers[spec.name] = parseOption(spec, suggested);
    } else if (spec.required) {
      const rule = `is missing: ${spec.description.replace(/\.$/, '')}`;
      throw new UsageError(`${spec.positional ? `<${spec.name}>` : subject} ${rule}; for example ${JSON.stringify(spec.example ?? defaultOf(spec, answers) ?? 'value')}.`);
    }
  }
  return answers;
}

/**
 * The team defaults a run that creates a project saves in `.yo-rc.json`: the project's own choices
 * (its model, its Python version) as made, and for the other team defaults the value already
 * stored, if any, so that one run's explicit option does not change the team's default.
 */
export function teamDefaultsToSave(specs: readonly OptionSpec[], answers: Answers, stored: Answers): Answers {
  const saved: Answers = {};
  for (const spec of specs) {
    if (!spec.teamDefault) continue;
    const value = spec.scope === 'project' ? answers[spec.name] : (stored[spec.name] ?? answers[spec.name]);
    if (value !== undefined) saved[spec.name] = value;
  }
  return saved;
}

/** The validation a prompt runs on each answer: `true`, or the message to show. */
export function promptValidator(spec: OptionSpec): (raw: unknown) => true | string {
  return (raw) => {
    try {
      parseOption(spec, raw);
      return true;
    } catch (error) {
      return (error as Error).message;
    }
  };
}
