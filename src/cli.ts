#!/usr/bin/env node
/**
 * `pyazure <generator> [args] [--options]`: runs the same generator as `yo pyazure:<generator>`
 * through yeoman-environment, without `yo` (which refuses root) and without its generator lookup.
 * Help and option checks need no Yeoman code, so it is loaded only when a generator runs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CommandSpec, optionsOf } from './lib/command.js';
import { APP_COMMAND, COMMANDS, commandByName, PROJECT_COMMANDS } from './lib/commands.js';
import { helpText } from './lib/docs.js';
import { isUsageError, UsageError } from './lib/errors.js';
import { flagOf } from './lib/options.js';

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

/** The flags a command accepts, with `--no-` forms of its booleans. */
function acceptedFlags(commands: readonly CommandSpec[]): Set<string> {
  const flags = new Set<string>();
  for (const command of commands) {
    for (const spec of optionsOf(command)) {
      if (spec.positional) continue;
      flags.add(flagOf(spec));
      if (spec.kind === 'boolean' || (spec.kind === 'string' && spec.negatable)) flags.add(`no-${flagOf(spec)}`);
    }
  }
  return flags;
}

function checkFlags(command: CommandSpec, args: readonly string[]): void {
  // The app generator passes the command line on to the generator it composes.
  const accepted = acceptedFlags(command === APP_COMMAND ? COMMANDS : [command]);
  for (const arg of args) {
    if (arg === '--') break;
    const match = /^--([^=]+)/.exec(arg);
    if (match && !accepted.has(match[1]!)) {
      throw new UsageError(`Unknown option --${match[1]} for pyazure ${command.name}; run pyazure ${command.name} --help for its options.`);
    }
    if (/^-[^-]/.test(arg)) {
      throw new UsageError(`Unknown option ${arg} for pyazure ${command.name}; options are spelled out, e.g. --trigger.`);
    }
  }
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
      throw new UsageError(`Unknown generator ${JSON.stringify(first)}: use one of ${COMMANDS.map((known) => known.name).join(', ')}; run pyazure --help.`);
    }
    const args = explicit ? rest : argv;
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(helpText(command));
      if (command === APP_COMMAND) process.stdout.write(`Generators it can run: ${PROJECT_COMMANDS.map((known) => known.name).join(', ')}.\n`);
      return 0;
    }
    checkFlags(command, args);
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
