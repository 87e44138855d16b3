/**
 * The v2 programming model declares the same bindings as function.json with decorators. Each
 * binding type maps to one decorator of `azure.functions` (or `azure.durable_functions`), so a
 * trigger's bindings are written once and both models are made from them.
 */
import { pythonString } from '../escape.js';
import type { Binding } from './triggers.js';

interface DecoratorSpec {
  decorator: string;
  /** The keyword that takes the binding's name. */
  nameKeyword: string;
}

const DECORATORS: Record<string, DecoratorSpec> = {
  timerTrigger: { decorator: 'timer_trigger', nameKeyword: 'arg_name' },
  blobTrigger: { decorator: 'blob_trigger', nameKeyword: 'arg_name' },
  queueTrigger: { decorator: 'queue_trigger', nameKeyword: 'arg_name' },
  eventHubTrigger: { decorator: 'event_hub_message_trigger', nameKeyword: 'arg_name' },
  eventGridTrigger: { decorator: 'event_grid_trigger', nameKeyword: 'arg_name' },
  cosmosDBTrigger: { decorator: 'cosmos_db_trigger', nameKeyword: 'arg_name' },
  queue: { decorator: 'queue_output', nameKeyword: 'arg_name' },
  blob: { decorator: 'blob_output', nameKeyword: 'arg_name' },
  orchestrationTrigger: { decorator: 'orchestration_trigger', nameKeyword: 'context_name' },
  activityTrigger: { decorator: 'activity_trigger', nameKeyword: 'input_name' },
  durableClient: { decorator: 'durable_client_input', nameKeyword: 'client_name' },
};

/** Setting values written as the SDK's enums rather than strings. */
const ENUMS: Record<string, (value: string) => string> = {
  authLevel: (value) => `func.AuthLevel.${value.toUpperCase()}`,
  cardinality: (value) => `func.Cardinality.${value.toUpperCase()}`,
  source: (value) => (value === 'EventGrid' ? 'func.BlobSource.EVENT_GRID' : `func.BlobSource.${value.toUpperCase()}`),
};

const LINE_LENGTH = 120;

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function pythonValue(key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return `[${value.map((item) => pythonValue(key, item)).join(', ')}]`;
  if (typeof value === 'string') return ENUMS[key]?.(value) ?? pythonString(value);
  throw new Error(`Cannot write ${JSON.stringify(value)} as a decorator argument`);
}

/**
 * `@bp.name(arguments)` laid out as ruff format lays it out: on one line when it fits, else the
 * arguments on one indented line, else one argument per line with a trailing comma.
 */
function decoratorLines(target: string, name: string, args: [string, string][]): string[] {
  const inline = args.map(([key, value]) => `${key}=${value}`).join(', ');
  const oneLine = `@${target}.${name}(${inline})`;
  if (oneLine.length <= LINE_LENGTH) return [oneLine];
  if (inline.length + 4 <= LINE_LENGTH) return [`@${target}.${name}(`, `    ${inline}`, ')'];
  return [`@${target}.${name}(`, ...args.map(([key, value]) => `    ${key}=${value},`), ')'];
}

/** The decorator lines of a v2 function on blueprint `target`, outermost first. */
export function decoratorsFor(target: string, functionName: string, bindings: readonly Binding[]): string[] {
  const lines = decoratorLines(target, 'function_name', [['name', pythonString(functionName)]]);
  for (const binding of bindings) {
    const { type, direction, name, ...settings } = binding;
    if (type === 'http' && direction === 'out') continue; // route() declares the response
    if (type === 'httpTrigger') {
      const args: [string, string][] = [];
      if (settings.route !== undefined) args.push(['route', pythonValue('route', settings.route)]);
      args.push(['methods', pythonValue('methods', (settings.methods as string[]).map((method) => method.toUpperCase()))]);
      args.push(['auth_level', pythonValue('authLevel', settings.authLevel)]);
      lines.push(...decoratorLines(target, 'route', args));
      continue;
    }
    if (type === 'serviceBusTrigger') {
      const decorator = settings.topicName === undefined ? 'service_bus_queue_trigger' : 'service_bus_topic_trigger';
      lines.push(...decoratorLines(target, decorator, [['arg_name', pythonString(name)], ...argumentsOf(settings)]));
      continue;
    }
    const spec = DECORATORS[type];
    if (!spec) throw new Error(`No v2 decorator for binding type ${type}`);
    lines.push(...decoratorLines(target, spec.decorator, [[spec.nameKeyword, pythonString(name)], ...argumentsOf(settings)]));
  }
  return lines;
}

function argumentsOf(settings: Record<string, unknown>): [string, string][] {
  return Object.entries(settings).map(([key, value]) => [snakeCase(key), pythonValue(key, value)]);
}
