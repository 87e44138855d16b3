import type { CommandSpec } from '../command.js';
import { checkFunctionName } from '../naming.js';
import type { OptionSpec } from '../options.js';
import { DEFAULT_FUNCTIONS_PYTHON, FUNCTIONS_PYTHON_VERSIONS } from '../python.js';
import { TRIGGERS } from './triggers.js';

/** Each trigger option once, applying to the triggers that list it. */
function triggerOptions(): OptionSpec[] {
  const options = new Map<OptionSpec, string[]>();
  for (const trigger of TRIGGERS) {
    for (const option of trigger.options) options.set(option, [...(options.get(option) ?? []), trigger.id]);
  }
  return [...options].map(([option, triggers]) => ({
    ...option,
    when: (answers) => triggers.includes(answers.trigger as string),
    appliesTo: `with --trigger ${triggers.join('|')}`,
  }));
}

export const FUNCTION_COMMAND: CommandSpec = {
  name: 'function',
  summary: 'An Azure Functions app with its first function, or one more function in an existing app.',
  options: [
    {
      name: 'name',
      kind: 'string',
      positional: true,
      label: 'Function name',
      required: true,
      description: 'The function name: a letter, then letters, digits or underscores; unique in the app (case-insensitive).',
      prompt: 'Function name',
      check: checkFunctionName,
      example: 'HttpExample',
    },
    {
      name: 'trigger',
      kind: 'choice',
      description: 'What runs the function.',
      prompt: 'Trigger',
      choices: TRIGGERS.map((trigger) => ({ value: trigger.id, summary: trigger.summary })),
      default: 'http',
    },
    ...triggerOptions(),
    {
      name: 'model',
      kind: 'choice',
      description: 'Python programming model: v1 keeps a folder with function.json per function.',
      prompt: 'Programming model',
      choices: [{ value: 'v1', summary: 'a folder per function with function.json' }],
      default: 'v1',
      scope: 'project',
      teamDefault: true,
    },
    {
      name: 'python',
      kind: 'choice',
      description: 'Python version the app targets on Azure.',
      prompt: 'Python version',
      choices: FUNCTIONS_PYTHON_VERSIONS,
      default: DEFAULT_FUNCTIONS_PYTHON,
      scope: 'project',
      teamDefault: true,
    },
  ],
  examples: [
    'pyazure function HttpExample --trigger http',
    'pyazure function Nightly --trigger timer --schedule "0 0 2 * * *"',
    'pyazure function Orders --trigger http --auth-level anonymous --methods post --route orders/{id:int}',
  ],
};
