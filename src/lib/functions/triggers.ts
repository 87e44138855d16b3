/**
 * The trigger catalog. A trigger is one entry: its options, the bindings it declares, the sample
 * data its templates need, the shared_code helpers its sample uses and the packages it adds. Its
 * code and test live in `templates/function/triggers/<id>/`.
 */
import { checkNcrontab, checkRoute, HTTP_METHODS } from '../naming.js';
import type { Answers, OptionSpec } from '../options.js';

/** A binding as written in function.json (v1) and mirrored by the function's parameters. */
export interface Binding {
  type: string;
  direction: 'in' | 'out';
  name: string;
  [property: string]: unknown;
}

export interface TriggerSpec {
  id: string;
  summary: string;
  /** Options of this trigger. An option object shared by several triggers is listed by each. */
  options: readonly OptionSpec[];
  bindings(answers: Answers): Binding[];
  /** Extra data the trigger's templates use (besides the answers and the function name). */
  sample(answers: Answers): Record<string, unknown>;
  /** Modules under `templates/function/shared_code/` the sample imports. */
  sharedCode: readonly string[];
  /** Lines this trigger needs in requirements.txt besides azure-functions. */
  requirements: readonly string[];
}

const authLevel: OptionSpec = {
  name: 'authLevel',
  kind: 'choice',
  description: 'Who may call the function: anonymous (anyone), function (a function key) or admin (the master key).',
  prompt: 'Authorization level',
  choices: [
    { value: 'function', summary: 'a function key is required' },
    { value: 'anonymous', summary: 'anyone may call it' },
    { value: 'admin', summary: 'the master key is required' },
  ],
  default: 'function',
  teamDefault: true,
};

const methods: OptionSpec = {
  name: 'methods',
  kind: 'list',
  description: 'HTTP methods the function answers, comma-separated.',
  prompt: 'HTTP methods (comma-separated)',
  items: HTTP_METHODS,
  default: ['get', 'post'],
};

const route: OptionSpec = {
  name: 'route',
  kind: 'string',
  description: 'Route template under /api/, e.g. products/{id:int}.',
  defaultLabel: 'the function name',
  check: checkRoute,
  example: 'products/{id:int}',
};

const schedule: OptionSpec = {
  name: 'schedule',
  kind: 'string',
  description: 'Six-field NCRONTAB schedule {second} {minute} {hour} {day} {month} {day-of-week}, or an app setting as %Name%.',
  prompt: 'Schedule (NCRONTAB, six fields)',
  default: '0 */5 * * * *',
  check: checkNcrontab,
  example: '0 */5 * * * *',
};

const runOnStartup: OptionSpec = {
  name: 'runOnStartup',
  kind: 'boolean',
  description: 'Also run whenever the host starts (meant for development; avoid in production).',
  default: false,
};

/** The request a generated test sends: GET-like methods carry a query, others a JSON body. */
function httpSample(answers: Answers): Record<string, unknown> {
  const allowed = (answers.methods as string[]).map((method) => method.toUpperCase());
  const bodyMethod = allowed.find((method) => ['POST', 'PUT', 'PATCH'].includes(method));
  const queryMethod = allowed.find((method) => !['POST', 'PUT', 'PATCH'].includes(method));
  return {
    url: `/api/${(answers.route as string | undefined) ?? answers.name}`,
    queryMethod,
    bodyMethod,
    anyMethod: queryMethod ?? bodyMethod,
  };
}

export const TRIGGERS: readonly TriggerSpec[] = [
  {
    id: 'http',
    summary: 'HTTP request in, HTTP response out',
    options: [authLevel, methods, route],
    bindings: (answers) => [
      {
        type: 'httpTrigger',
        direction: 'in',
        name: 'req',
        authLevel: answers.authLevel,
        methods: answers.methods,
        ...(answers.route === undefined ? {} : { route: answers.route }),
      },
      { type: 'http', direction: 'out', name: '$return' },
    ],
    sample: httpSample,
    sharedCode: ['greeting.py'],
    requirements: [],
  },
  {
    id: 'timer',
    summary: 'runs on an NCRONTAB schedule',
    options: [schedule, runOnStartup],
    bindings: (answers) => [
      {
        type: 'timerTrigger',
        direction: 'in',
        name: 'mytimer',
        schedule: answers.schedule,
        // The official templates omit runOnStartup; it is written only when asked for.
        ...(answers.runOnStartup ? { runOnStartup: true } : {}),
      },
    ],
    sample: () => ({}),
    sharedCode: ['clock.py'],
    requirements: [],
  },
];

export function triggerById(id: string): TriggerSpec {
  const trigger = TRIGGERS.find((candidate) => candidate.id === id);
  if (!trigger) throw new Error(`Unknown trigger ${id}`);
  return trigger;
}
