#!/usr/bin/env node
/**
 * `pyazure <generator> [args] [--options]`: runs the same generator as `yo pyazure:<generator>`
 * through yeoman-environment, without `yo` (which refuses root) and without its generator lookup.
 * Help and option checks need no Yeoman code, so it is loaded only when a generator runs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CommandSpec, optionsOf, usageOf } from './lib/command.js';
import { APP_COMMAND, COMMANDS, commandByName, PROJECT_COMMANDS } from './lib/commands.js';
import { helpText } from './lib/docs.js';
import { isUsageError, UsageError } from './lib/errors.js';
import { describeProblem } from './lib/naming.js';
import { flagOf, type OptionSpec, parseOption } from './lib/options.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  return [
    'Usage: pyazure <generator> [arguments] [options]',
    '',
    'Generates ready-to-deploy Python projects for Azure. Same generators as `yo pyazure:<generator>`.',
    '',
    'Generators:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    '',
    'Run `pyazure <generator> --help` for its options. Without a terminal nothing is asked:',
    'options, then .yo-rc.json team defaults, then defaults apply.',
    '',
  ].join('\n');
}

/** The options a command accepts by flag (`trigger` for `--trigger`), and how many arguments. */
function acceptedOptions(commands: readonly CommandSpec[]): { byFlag: Map<string, OptionSpec>; positionals: number } {
  const byFlag = new Map<string, OptionSpec>();
  let positionals = 0;
  for (const command of commands) {
    const options = optionsOf(command);
    positionals = Math.max(positionals, options.filter((spec) => spec.positional).length);
    for (const spec of options) if (!spec.positional) byFlag.set(flagOf(spec), spec);
  }
  return { byFlag, positionals };
}

/** How many single-character edits turn `a` into `b`: the nearest flag is offered as the example. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

function nearestFlag(flag: string, flags: Iterable<string>): string {
  return [...flags].sort((x, y) => editDistance(flag, x) - editDistance(flag, y) || x.localeCompare(y))[0]!;
}

/**
 * Refuses, before Yeoman parses anything, what its parser would silently accept: unknown or
 * abbreviated flags, a boolean given a value other than true/false, arguments beyond those the
 * command takes, and --interactive without a terminal to ask in.
 */
function checkArguments(command: CommandSpec, args: readonly string[]): void {
  // The app generator passes the command line on to the generator it composes.
  const { byFlag, positionals } = acceptedOptions(command === APP_COMMAND ? COMMANDS : [command]);
  const flags = [...byFlag.keys()];
  const arguments_: string[] = [];
  const given = new Set<string>();
  const values = new Map<OptionSpec, string | false>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') {
      arguments_.push(...args.slice(index + 1));
      break;
    }
    if (/^-[^-]/.test(arg)) {
      throw new UsageError(
        describeProblem('Option', arg, { rule: `is not an option of pyazure ${command.name}: options are spelled out in full (run pyazure ${command.name} --help)`, example: `--${nearestFlag(arg.slice(1), flags)}` }),
      );
    }
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      arguments_.push(arg);
      continue;
    }
    const [, flag, inlineValue] = match as unknown as [string, string, string | undefined];
    const negated = flag.startsWith('no-') ? byFlag.get(flag.slice(3)) : undefined;
    // Booleans, and text options that may be switched off (`--no-web-role`), have a `--no-` form.
    const spec = byFlag.get(flag) ?? (negated && (negated.kind === 'boolean' || (negated.kind === 'string' && negated.negatable)) ? negated : undefined);
    if (!spec) {
      throw new UsageError(
        describeProblem('Option', `--${flag}`, { rule: `is not an option of pyazure ${command.name} (run pyazure ${command.name} --help)`, example: `--${nearestFlag(flag, flags)}` }),
      );
    }
    if (given.has(spec.name)) {
      throw new UsageError(describeProblem('Option', arg, { rule: `repeats --${flagOf(spec)}, which may be given once`, example: `--${flagOf(spec)}${spec.kind === 'boolean' ? '' : ` ${spec.example ?? '<value>'}`}` }));
    }
    given.add(spec.name);
    if (spec.kind === 'boolean') {
      if (inlineValue !== undefined && (negated || !/^(true|false)$/i.test(inlineValue))) {
        throw new UsageError(describeProblem(`--${flag}`, inlineValue, { rule: negated ? 'takes no value' : 'must be true or false', example: `--${flagOf(spec)}` }));
      }
      const enabled = !negated && inlineValue?.toLowerCase() !== 'false';
      if (spec.name === 'interactive' && enabled && !process.stdin.isTTY) {
        throw new UsageError(describeProblem(`--${flag}`, inlineValue ?? true, { rule: 'needs a terminal to ask in, and stdin is not one', example: '--no-interactive' }));
      }
    } else if (negated) {
      if (inlineValue !== undefined) throw new UsageError(describeProblem(`--${flag}`, inlineValue, { rule: 'takes no value', example: `--${flag}` }));
      values.set(spec, false);
    } else if (inlineValue !== undefined) {
      values.set(spec, inlineValue);
    } else {
      // As Yeoman's parser reads it: the next argument is the value unless it is itself a flag.
      const next = args[index + 1];
      const takesNext = next !== undefined && !/^--?[^-]/.test(next);
      values.set(spec, takesNext ? next : '');
      if (takesNext) index++;
    }
  }
  if (arguments_.length > positionals) {
    const extra = arguments_[positionals]!;
    const usage = command === APP_COMMAND ? 'pyazure app' : usageOf(command);
    throw new UsageError(describeProblem('Argument', extra, { rule: `is one more than ${usage} takes (quote values that contain spaces)`, example: command.examples[0] ?? usage }));
  }
  // Each value is checked here too, by the same rules, so that bad input is refused without loading
  // Yeoman. The app generator's flags belong to whichever generator it runs, which checks them.
  if (command === APP_COMMAND) return;
  const positionalSpecs = command.options.filter((spec) => spec.positional);
  positionalSpecs.forEach((spec, position) => arguments_[position] !== undefined && values.set(spec, arguments_[position]));
  for (const spec of optionsOf(command)) if (values.has(spec)) parseOption(spec, values.get(spec));
}

async function run(command: CommandSpec, args: string[]): Promise<void> {
  const [{ default: Environment }, { TerminalAdapter }] = await Promise.all([import('yeoman-environment'), import('@yeoman/adapter')]);
  // Progress goes to stdout; stderr carries only the one-line error the bin prints itself, so
  // Yeoman's own line for a failed task is dropped.
  const adapter = new TerminalAdapter({ stdout: process.stdout, stderr: process.stdout });
  adapter.log.error = () => adapter.log;
  const env = new Environment({ cwd: process.cwd(), skipInstall: true, adapter });
  const generators = command === APP_COMMAND ? COMMANDS : [command];
  for (const generator of generators) {
    env.register(fileURLToPath(new URL(`./generators/${generator.name}/index.js`, import.meta.url)), {
      namespace: `pyazure:${generator.name}`,
      packagePath: PACKAGE_ROOT,
    });
  }
  await env.run([`pyazure:${command.name}`, ...args]);
}

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(generalHelp());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  try {
    const explicit = first !== undefined && !first.startsWith('-');
    const command = explicit ? commandByName(first) : APP_COMMAND;
    if (!command) {
      const names = COMMANDS.map((known) => known.name);
      throw new UsageError(describeProblem('Generator', first, { rule: `is not a pyazure generator: use one of ${names.join(', ')} (run pyazure --help)`, example: nearestFlag(first!, names) }));
    }
    const args = explicit ? rest : argv;
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(helpText(command));
      if (command === APP_COMMAND) process.stdout.write(`Generators it can run: ${PROJECT_COMMANDS.map((known) => known.name).join(', ')}.\n`);
      return 0;
    }
    checkArguments(command, args);
    await run(command, args);
    return 0;
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    process.stderr.write(`pyazure: ${message.split('\n')[0]}\n`);
    if (!isUsageError(error) && process.env.DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return isUsageError(error) ? UsageError.exitCode : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
