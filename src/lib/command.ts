/**
 * A command is one generator as the user sees it: `pyazure <name>` and `yo pyazure:<name>`, with
 * its arguments and options declared once for help, prompts, validation and the README.
 */
import type { OptionSpec } from './options.js';

export interface CommandSpec {
  /** Sub-generator name: `pyazure <name>`, `yo pyazure:<name>`. */
  name: string;
  summary: string;
  /** The command's own options; every command also has {@link RUN_OPTIONS}. */
  options: readonly OptionSpec[];
  examples: readonly string[];
}

/** Options every generator has: how it runs rather than what it makes. */
export const RUN_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'interactive',
    kind: 'boolean',
    description: 'Ask for values not given as options. With --no-interactive nothing is asked: options, then .yo-rc.json team defaults, then the defaults apply.',
    default: () => process.stdin.isTTY === true,
    defaultLabel: 'true when stdin is a terminal',
  },
  {
    name: 'force',
    kind: 'boolean',
    description: 'Overwrite existing files that differ from what would be written (without it, such files stop the run before anything is written).',
    default: false,
  },
];

/** Every option of the command, run options last. */
export function optionsOf(command: CommandSpec): readonly OptionSpec[] {
  return [...command.options, ...RUN_OPTIONS];
}

export function usageOf(command: CommandSpec): string {
  const positionals = command.options.filter((option) => option.positional).map((option) => (option.required ? `<${option.name}>` : `[${option.name}]`));
  return ['pyazure', command.name, ...positionals, '[options]'].join(' ');
}
