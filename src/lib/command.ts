/**
 * A command is one generator as the user sees it: `pyazure <name>` and `yo pyazure:<name>`, with
 * its arguments and options declared once for help, prompts, validation and the README.
 */
import type { OptionSpec } from './options.js';

export interface CommandSpec {
  /** Sub-generator name: `pyazure <name>`, `yo pyazure:<name>`. */
  name: string;
  summary: string;
  options: readonly OptionSpec[];
  examples: readonly string[];
}

/** Options every generator has. */
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

export function usageOf(command: CommandSpec): string {
  const positionals = command.options.filter((option) => option.positional).map((option) => (option.required ? `<${option.name}>` : `[${option.name}]`));
  return ['pyazure', command.name, ...positionals, '[options]'].join(' ');
}
