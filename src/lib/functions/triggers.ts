/**
 * The trigger catalog. A trigger is one entry: its options, the functions it makes with their
 * bindings, the sample data its templates need, the shared_code helpers its sample uses and the
 * packages it adds. Its code and test live in `templates/function/triggers/<id>/`: one template
 * per function it makes (`<part>.py.ejs`, written for either model) and `test.py.ejs`.
 */
import {
  checkAppSettingName,
  checkBlobPath,
  checkConsumerGroup,
  checkCosmosName,
  checkEventHubName,
  checkNcrontab,
  checkQueueName,
  checkRoute,
  checkServiceBusName,
  checkStorageQueueName,
  type Check,
  HTTP_METHODS,
} from '../naming.js';
import type { Answers, OptionSpec } from '../options.js';

/** A binding as written in function.json (v1) and mirrored by the function's parameters. */
export interface Binding {
  type: string;
  direction: 'in' | 'out';
  name: string;
  [property: string]: unknown;
}

/** One function a trigger makes: most make one, durable makes three. */
export interface FunctionPart {
  /** The template `triggers/<id>/<template>.py.ejs` and the name tests use for the entry point. */
  template: string;
  /** The function's name in the app. */
  name: string;
  bindings: Binding[];
}

/** An option as one trigger uses it: only when `when` holds, with this trigger's default and rule. */
export interface TriggerOption {
  option: OptionSpec;
  when?: (answers: Answers) => boolean;
  default?: unknown;
  /** Said in `--help` after the trigger id, e.g. "with --output queue". */
  condition?: string;
  /** This trigger's own rule, stricter than the option's (checked when the plan is made). */
  check?: Check;
}

export interface TriggerSpec {
  id: string;
  summary: string;
  options: readonly TriggerOption[];
  functions(answers: Answers): FunctionPart[];
  /** Extra data the trigger's templates use (besides the answers and the function names). */
  sample(answers: Answers): Record<string, unknown>;
  /** Modules under `templates/function/shared_code/` the sample imports. */
  sharedCode: readonly string[];
  /** Lines this trigger needs in requirements.txt besides azure-functions. */
  requirements(answers: Answers): readonly string[];
  /** Its functions are Durable Functions: blueprints come from azure.durable_functions. */
  durable?: boolean;
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

const output: OptionSpec = {
  name: 'output',
  kind: 'choice',
  description: 'An output binding beside the HTTP response: the request also writes a storage queue message or a blob.',
  prompt: 'Output binding',
  choices: [
    { value: 'none', summary: 'the HTTP response only' },
    { value: 'queue', summary: 'also a storage queue message (func.Out[str])' },
    { value: 'blob', summary: 'also a blob (func.Out[str])' },
  ],
  default: 'none',
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

const path: OptionSpec = {
  name: 'path',
  kind: 'string',
  description: 'Blob path <container>/<path>; {name} tokens bind parts of the blob name.',
  prompt: 'Blob path',
  check: checkBlobPath,
  example: 'samples-workitems/{name}',
};

const queueName: OptionSpec = {
  name: 'queueName',
  kind: 'string',
  description: 'Queue name (storage: 3-63 lowercase letters, digits, hyphens; Service Bus: up to 50 letters, digits, ".", "-", "_"), or %AppSetting%.',
  prompt: 'Queue name',
  check: checkQueueName,
  example: 'python-queue-items',
};

const topicName: OptionSpec = {
  name: 'topicName',
  kind: 'string',
  description: 'Service Bus topic name, or %AppSetting%.',
  prompt: 'Topic name',
  default: 'mytopic',
  check: checkServiceBusName,
  example: 'mytopic',
};

const subscriptionName: OptionSpec = {
  name: 'subscriptionName',
  kind: 'string',
  description: 'Service Bus subscription name, or %AppSetting%.',
  prompt: 'Subscription name',
  default: 'mysubscription',
  check: checkServiceBusName,
  example: 'mysubscription',
};

const eventHubName: OptionSpec = {
  name: 'eventHubName',
  kind: 'string',
  description: 'Event Hub name, or %AppSetting%.',
  prompt: 'Event Hub name',
  default: 'samples-workitems',
  check: checkEventHubName,
  example: 'samples-workitems',
};

const consumerGroup: OptionSpec = {
  name: 'consumerGroup',
  kind: 'string',
  description: 'Event Hubs consumer group the function reads with.',
  prompt: 'Consumer group',
  default: '$Default',
  check: checkConsumerGroup,
  example: '$Default',
};

const cardinality: OptionSpec = {
  name: 'cardinality',
  kind: 'choice',
  description: 'Events per invocation: many (a batch, a list parameter) or one.',
  prompt: 'Cardinality',
  choices: [
    { value: 'many', summary: 'a batch of events per call' },
    { value: 'one', summary: 'one event per call' },
  ],
  default: 'many',
};

const databaseName: OptionSpec = {
  name: 'databaseName',
  kind: 'string',
  description: 'Cosmos DB database of the monitored container.',
  prompt: 'Database name',
  default: 'my-database',
  check: checkCosmosName,
  example: 'my-database',
};

const containerName: OptionSpec = {
  name: 'containerName',
  kind: 'string',
  description: 'Cosmos DB container whose change feed runs the function.',
  prompt: 'Container name',
  default: 'my-container',
  check: checkCosmosName,
  example: 'my-container',
};

const leaseContainerName: OptionSpec = {
  name: 'leaseContainerName',
  kind: 'string',
  description: 'Cosmos DB container that stores the change feed leases (created if it does not exist).',
  prompt: 'Lease container name',
  default: 'leases',
  check: checkCosmosName,
  example: 'leases',
};

const connection: OptionSpec = {
  name: 'connection',
  kind: 'string',
  description: 'Name of the app setting that holds the connection (never the connection string); added to local.settings.json with a local value.',
  prompt: 'Connection (app setting name)',
  check: checkAppSettingName,
  example: 'AzureWebJobsStorage',
};

const STORAGE = 'AzureWebJobsStorage';
const storageConnection = (answers: Answers) => ({ connection: answers.connection as string });

const httpOptions: TriggerOption[] = [
  { option: authLevel },
  { option: methods },
  { option: route },
  { option: output },
  { option: queueName, when: (answers) => answers.output === 'queue', default: 'outqueue', condition: 'with --output queue', check: checkStorageQueueName },
  { option: path, when: (answers) => answers.output === 'blob', default: 'outcontainer/{rand-guid}.json', condition: 'with --output blob' },
  { option: connection, when: (answers) => answers.output !== 'none', default: STORAGE, condition: 'with --output queue|blob' },
];

/** The HTTP bindings; `extra` goes between the trigger and the response. */
function httpBindings(answers: Answers, extra: Binding[] = []): Binding[] {
  return [
    {
      type: 'httpTrigger',
      direction: 'in',
      name: 'req',
      authLevel: answers.authLevel,
      methods: answers.methods,
      ...(answers.route === undefined ? {} : { route: answers.route }),
    },
    ...extra,
    { type: 'http', direction: 'out', name: '$return' },
  ];
}

/** The output binding `--output` asks for, written as a `func.Out[str]` parameter. */
function outputBindings(answers: Answers): Binding[] {
  if (answers.output === 'queue') return [{ type: 'queue', direction: 'out', name: 'msg', queueName: answers.queueName, connection: answers.connection }];
  if (answers.output === 'blob') return [{ type: 'blob', direction: 'out', name: 'outputblob', path: answers.path, connection: answers.connection }];
  return [];
}

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
    output: answers.output ?? 'none',
  };
}

/** A trigger that makes one function named by the user. */
const single = (bindings: (answers: Answers) => Binding[]) => (answers: Answers): FunctionPart[] => [{ template: 'function', name: answers.name as string, bindings: bindings(answers) }];

const noSample = () => ({});

export const TRIGGERS: readonly TriggerSpec[] = [
  {
    id: 'http',
    summary: 'HTTP request in, HTTP response out',
    options: httpOptions,
    functions: single((answers) => httpBindings(answers, outputBindings(answers))),
    sample: httpSample,
    sharedCode: ['greeting.py'],
    requirements: () => [],
  },
  {
    id: 'timer',
    summary: 'runs on an NCRONTAB schedule',
    options: [{ option: schedule }, { option: runOnStartup }],
    functions: single((answers) => [
      {
        type: 'timerTrigger',
        direction: 'in',
        name: 'mytimer',
        schedule: answers.schedule,
        // The official templates omit runOnStartup; it is written only when asked for.
        ...(answers.runOnStartup ? { runOnStartup: true } : {}),
      },
    ]),
    sample: noSample,
    sharedCode: ['clock.py'],
    requirements: () => [],
  },
  {
    id: 'blob',
    summary: 'a blob is added or updated in a storage container; the host polls for changes',
    options: [{ option: path, default: 'samples-workitems/{name}' }, { option: connection, default: STORAGE }],
    functions: single((answers) => [{ type: 'blobTrigger', direction: 'in', name: 'myblob', path: answers.path, ...storageConnection(answers) }]),
    sample: noSample,
    sharedCode: ['documents.py'],
    requirements: () => [],
  },
  {
    id: 'eventgrid-blob',
    summary: 'a blob is added or updated, delivered by an Event Grid subscription: low latency, required on Flex Consumption',
    options: [{ option: path, default: 'samples-workitems/{name}' }, { option: connection, default: STORAGE }],
    functions: single((answers) => [
      { type: 'blobTrigger', direction: 'in', name: 'myblob', path: answers.path, ...storageConnection(answers), source: 'EventGrid' },
    ]),
    sample: noSample,
    sharedCode: ['documents.py'],
    requirements: () => [],
  },
  {
    id: 'queue',
    summary: 'a message arrives in a storage queue',
    options: [{ option: queueName, default: 'python-queue-items', check: checkStorageQueueName }, { option: connection, default: STORAGE }],
    functions: single((answers) => [{ type: 'queueTrigger', direction: 'in', name: 'msg', queueName: answers.queueName, ...storageConnection(answers) }]),
    sample: noSample,
    sharedCode: ['messages.py'],
    requirements: () => [],
  },
  {
    id: 'servicebus-queue',
    summary: 'a message arrives in a Service Bus queue',
    options: [{ option: queueName, default: 'myqueue', check: checkServiceBusName }, { option: connection, default: 'ServiceBusConnection' }],
    functions: single((answers) => [
      { type: 'serviceBusTrigger', direction: 'in', name: 'msg', queueName: answers.queueName, connection: answers.connection },
    ]),
    sample: noSample,
    sharedCode: ['messages.py'],
    requirements: () => [],
  },
  {
    id: 'servicebus-topic',
    summary: 'a message arrives in a Service Bus topic subscription',
    options: [{ option: topicName }, { option: subscriptionName }, { option: connection, default: 'ServiceBusConnection' }],
    functions: single((answers) => [
      {
        type: 'serviceBusTrigger',
        direction: 'in',
        name: 'message',
        topicName: answers.topicName,
        subscriptionName: answers.subscriptionName,
        connection: answers.connection,
      },
    ]),
    sample: noSample,
    sharedCode: ['messages.py'],
    requirements: () => [],
  },
  {
    id: 'eventhub',
    summary: 'events arrive in an Event Hub',
    options: [{ option: eventHubName }, { option: connection, default: 'EventHubConnection' }, { option: consumerGroup }, { option: cardinality }],
    functions: single((answers) => [
      {
        type: 'eventHubTrigger',
        direction: 'in',
        name: 'events',
        eventHubName: answers.eventHubName,
        connection: answers.connection,
        cardinality: answers.cardinality,
        consumerGroup: answers.consumerGroup,
      },
    ]),
    sample: (answers) => ({ many: answers.cardinality === 'many' }),
    sharedCode: ['messages.py'],
    requirements: () => [],
  },
  {
    id: 'eventgrid',
    summary: 'an Event Grid event is delivered',
    options: [],
    functions: single(() => [{ type: 'eventGridTrigger', direction: 'in', name: 'event' }]),
    sample: noSample,
    sharedCode: ['messages.py'],
    requirements: () => [],
  },
  {
    id: 'cosmosdb',
    summary: 'documents change in a Cosmos DB container: its change feed, extension 4.x',
    options: [{ option: connection, default: 'CosmosDBConnection' }, { option: databaseName }, { option: containerName }, { option: leaseContainerName }],
    functions: single((answers) => [
      {
        type: 'cosmosDBTrigger',
        direction: 'in',
        name: 'documents',
        connection: answers.connection,
        databaseName: answers.databaseName,
        containerName: answers.containerName,
        leaseContainerName: answers.leaseContainerName,
        createLeaseContainerIfNotExists: true,
      },
    ]),
    sample: noSample,
    sharedCode: ['documents.py'],
    requirements: () => [],
  },
  {
    id: 'durable',
    summary: 'Durable Functions: an HTTP starter <name>Start, an orchestrator <name>Orchestrator and an activity <name>Activity',
    options: [{ option: authLevel }],
    functions: (answers) => {
      const name = answers.name as string;
      return [
        {
          template: 'starter',
          name: `${name}Start`,
          bindings: [
            { type: 'httpTrigger', direction: 'in', name: 'req', authLevel: answers.authLevel, methods: ['post'], route: 'orchestrators/{functionName}' },
            { type: 'http', direction: 'out', name: '$return' },
            { type: 'durableClient', direction: 'in', name: 'starter' },
          ],
        },
        { template: 'orchestrator', name: `${name}Orchestrator`, bindings: [{ type: 'orchestrationTrigger', direction: 'in', name: 'context' }] },
        { template: 'activity', name: `${name}Activity`, bindings: [{ type: 'activityTrigger', direction: 'in', name: 'city' }] },
      ];
    },
    sample: noSample,
    sharedCode: ['greeting.py'],
    // azure-functions-durable 2.x drops the v1 model: v1 apps stay on 1.x.
    requirements: (answers) => [answers.model === 'v1' ? 'azure-functions-durable<2' : 'azure-functions-durable'],
    durable: true,
  },
];

export function triggerById(id: string): TriggerSpec {
  const trigger = TRIGGERS.find((candidate) => candidate.id === id);
  if (!trigger) throw new Error(`Unknown trigger ${id}`);
  return trigger;
}

/** The local value of a new connection app setting: the emulator of the service it connects to. */
const LOCAL_CONNECTION_VALUES: Record<string, string> = {
  blobTrigger: 'UseDevelopmentStorage=true',
  queueTrigger: 'UseDevelopmentStorage=true',
  queue: 'UseDevelopmentStorage=true',
  blob: 'UseDevelopmentStorage=true',
  // The Service Bus and Event Hubs emulators' documented local connection string.
  serviceBusTrigger: 'Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;',
  eventHubTrigger: 'Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;',
  // The Cosmos DB emulator's fixed, published account key.
  cosmosDBTrigger: 'AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
};

/** App settings the bindings name as connections, each with its local value. */
export function connectionSettings(bindings: readonly Binding[]): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const binding of bindings) {
    const name = binding.connection;
    if (typeof name !== 'string' || /^%.*%$/.test(name)) continue;
    const value = LOCAL_CONNECTION_VALUES[binding.type];
    if (value === undefined) throw new Error(`No local connection value for binding type ${binding.type}`);
    settings[name] = value;
  }
  return settings;
}
