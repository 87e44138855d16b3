import type { CommandSpec } from '../command.js';
import { checkFunctionName, checkPythonIdentifier, checkScriptFile, checkIntegerRange } from '../naming.js';
import type { Answers, OptionSpec } from '../options.js';
import { DEFAULT_FUNCTIONS_PYTHON, FUNCTIONS_PYTHON_VERSIONS } from '../python.js';
import { type TriggerOption, type TriggerSpec, TRIGGERS } from './triggers.js';

/**
 * Each trigger option once. It applies when the chosen trigger lists it (and that trigger's
 * condition holds); its default is the chosen trigger's.
 */
function triggerOptions(): OptionSpec[] {
  const uses = new Map<OptionSpec, { trigger: TriggerSpec; use: TriggerOption }[]>();
  for (const trigger of TRIGGERS) {
    for (const use of trigger.options) uses.set(use.option, [...(uses.get(use.option) ?? []), { trigger, use }]);
  }
  return [...uses].map(([option, users]) => {
    const useFor = (answers: Answers) => users.find(({ trigger, use }) => trigger.id === answers.trigger && (use.when?.(answers) ?? true))?.use;
    const defaults = users.filter(({ use }) => use.default !== undefined).map(({ trigger, use }) => `${String(use.default)} (${trigger.id})`);
    const appliesTo = users.map(({ trigger, use }) => (use.condition ? `${trigger.id} ${use.condition}` : trigger.id)).join(', ');
    return {
      ...option,
      when: (answers: Answers) => useFor(answers) !== undefined,
      appliesTo: `with --trigger ${appliesTo}`,
      ...(defaults.length === 0
        ? {}
        : { default: (answers: Answers) => (useFor(answers)?.default as never) ?? option.default, defaultLabel: defaults.join(', ') }),
    } as OptionSpec;
  });
}

/** Worker settings of local.settings.json (SPEC §3.5), written only when given. */
const WORKER_SETTINGS: OptionSpec[] = [
  {
    name: 'workerProcessCount',
    kind: 'string',
    description: 'FUNCTIONS_WORKER_PROCESS_COUNT: Python worker processes per host (1-10).',
    check: checkIntegerRange(1, 10, 2),
    example: '2',
    scope: 'project',
  },
  {
    name: 'threadpoolThreadCount',
    kind: 'string',
    description: 'PYTHON_THREADPOOL_THREAD_COUNT: threads that run synchronous functions (1-32).',
    check: checkIntegerRange(1, 32, 4),
    example: '4',
    scope: 'project',
  },
  {
    name: 'isolateWorkerDependencies',
    kind: 'boolean',
    description: 'PYTHON_ISOLATE_WORKER_DEPENDENCIES: load the app\'s own package versions instead of the worker\'s.',
    scope: 'project',
  },
  {
    name: 'enableWorkerExtensions',
    kind: 'boolean',
    description: 'PYTHON_ENABLE_WORKER_EXTENSIONS: let installed worker extensions hook into function calls.',
    scope: 'project',
  },
];

/** The app setting each worker option writes, and how its value is written. */
export const WORKER_SETTING_NAMES: Record<string, string> = {
  workerProcessCount: 'FUNCTIONS_WORKER_PROCESS_COUNT',
  threadpoolThreadCount: 'PYTHON_THREADPOOL_THREAD_COUNT',
  isolateWorkerDependencies: 'PYTHON_ISOLATE_WORKER_DEPENDENCIES',
  enableWorkerExtensions: 'PYTHON_ENABLE_WORKER_EXTENSIONS',
};

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
      description: 'Python programming model: v1 keeps a folder with function.json per function; v2 declares bindings with decorators.',
      prompt: 'Programming model',
      choices: [
        { value: 'v1', summary: 'a folder per function with function.json' },
        { value: 'v2', summary: 'decorators: function_app.py registers a blueprint module per function' },
      ],
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
    {
      name: 'docker',
      kind: 'boolean',
      description: 'Add a Dockerfile (the Functions Python base image of --python) and a .dockerignore.',
      prompt: 'Add a Dockerfile?',
      default: false,
      scope: 'project',
      teamDefault: true,
    },
    {
      name: 'scriptFile',
      kind: 'string',
      description: 'v1 alternate entry point: the file in the function folder that holds the code (written to function.json).',
      defaultLabel: '__init__.py',
      check: checkScriptFile,
      example: 'handler.py',
      when: (answers) => answers.model === 'v1',
      appliesTo: 'with --model v1',
    },
    {
      name: 'entryPoint',
      kind: 'string',
      description: 'v1 alternate entry point: the function the worker calls (written to function.json).',
      defaultLabel: 'main',
      check: checkPythonIdentifier,
      example: 'handle',
      when: (answers) => answers.model === 'v1',
      appliesTo: 'with --model v1',
    },
    ...WORKER_SETTINGS,
  ],
  examples: [
    'pyazure function HttpExample --trigger http',
    'pyazure function Nightly --trigger timer --schedule "0 0 2 * * *"',
    'pyazure function Orders --trigger http --auth-level anonymous --methods post --route orders/{id:int}',
    'pyazure function Intake --trigger http --output queue --queue-name orders --model v2',
    'pyazure function Resize --trigger blob --path images/{name}',
    'pyazure function Hello --trigger durable',
  ],
};
