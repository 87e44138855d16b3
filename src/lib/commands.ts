/**
 * Every generator the package ships, as the bin, `yo` and the README see them. Importing this
 * module loads no Yeoman code, so `pyazure --help` and option checks stay fast.
 */
import type { CommandSpec } from './command.js';
import { CLOUDSERVICE_COMMAND, ROLE_COMMAND } from './cloudservice/command.js';
import { FUNCTION_COMMAND } from './functions/command.js';
import { WEBAPP_COMMAND } from './webapp/command.js';

/** The generators `yo pyazure` can compose; only those that work are listed. */
export const PROJECT_COMMANDS: readonly CommandSpec[] = [FUNCTION_COMMAND, WEBAPP_COMMAND, CLOUDSERVICE_COMMAND];

export const APP_COMMAND: CommandSpec = {
  name: 'app',
  summary: 'Asks which kind of project to create, then runs that generator (options are passed on to it).',
  options: [
    {
      name: 'project',
      kind: 'choice',
      description: 'Which kind of project to create.',
      prompt: 'What do you want to create?',
      choices: PROJECT_COMMANDS.map((command) => ({ value: command.name, summary: command.summary })),
      default: 'function',
    },
  ],
  examples: ['pyazure app --project function HttpExample --trigger http'],
};

export const COMMANDS: readonly CommandSpec[] = [APP_COMMAND, ...PROJECT_COMMANDS, ROLE_COMMAND];

export function commandByName(name: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name === name);
}
