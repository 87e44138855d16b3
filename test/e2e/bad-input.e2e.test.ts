/**
 * Bad input through the published bin, as a table: every refused value must stop the run with exit
 * code 2 and exactly one line on stderr that quotes the value, states the rule and gives a valid
 * example, and the folder must be byte-identical afterwards. Runs a few at a time.
 *
 * Each generator has one entry in TABLE: folders to start from (made with the bin itself) and its
 * rows. A new generator adds its entry; nothing else here changes.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { optionsOf } from '../../src/lib/command.js';
import { COMMANDS, commandByName } from '../../src/lib/commands.js';
import { parseOption } from '../../src/lib/options.js';
import { copyFolder, snapshotFolder, writeFiles } from '../support/folder.js';
import { mapLimited, PARALLEL_RUNS, pyazureAsync } from '../support/parallel.js';
import { tempDir } from '../support/paths.js';
import type { RunResult } from '../support/run.js';

interface BadInput {
  /** The command line after `pyazure`. */
  args: string[];
  /** The refused value as the message quotes it (JSON), or null when the value is missing. */
  value: unknown;
  /** The folder the run starts in: a fixture of the generator's entry; empty by default. */
  folder?: string;
  /**
   * The option whose rule is broken: the message's example must pass that option's check (it
   * may still clash with the folder, so only the option's own rule is asked).
   */
  option?: string;
}

interface GeneratorRows {
  /** Folders to start from, by name: made once in `dir` (which exists and is empty). */
  fixtures: Record<string, (dir: string) => Promise<void>>;
  rows: BadInput[];
}

/** A fixture made by running the bin itself, so it is exactly what a user would have. */
const generated = (...runs: string[][]) => async (dir: string) => {
  for (const args of runs) {
    const result = await pyazureAsync(args, dir);
    assert.equal(result.code, 0, `fixture run pyazure ${args.join(' ')} failed:\n${result.stderr}`);
  }
};

const files = (contents: Record<string, string>) => async (dir: string) => writeFiles(dir, contents);

// ---------------------------------------------------------------------------------------------
// pyazure function
const fn = (args: string[], value: unknown, extra: Partial<BadInput> = {}): BadInput => ({ args: ['function', ...args], value, ...extra });
const badName = (name: string, folder?: string) => fn([name, '--trigger', 'http'], name, { option: 'name', folder });
/** A value starting with "-" would read as a flag: it is given as --flag=value. */
const flagged = (flag: string, value: string) => (value.startsWith('-') ? [`--${flag}=${value}`] : [`--${flag}`, value]);
const badFlag = (flag: string, value: string, base: string[] = ['Api'], option?: string) =>
  fn([...base, ...flagged(flag, value)], value, { option: option ?? flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) });
const timer = ['Nightly', '--trigger', 'timer'];
const badSchedule = (schedule: string) => badFlag('schedule', schedule, timer);

const FUNCTION_ROWS: GeneratorRows = {
  fixtures: {
    app: generated(['function', 'HttpExample', '--trigger', 'http', '--python', '3.12']),
    v2app: generated(['function', 'HttpExample', '--trigger', 'http', '--model', 'v2']),
    docs: files({ 'docs/notes.md': '# notes\n' }),
    'bad-team-auth': files({ '.yo-rc.json': '{"generator-pyazure": {"authLevel": "everyone"}}\n' }),
    'bad-team-python': files({ '.yo-rc.json': '{"generator-pyazure": {"python": "2.7"}}\n' }),
    'bad-team-model': files({ '.yo-rc.json': '{"generator-pyazure": {"model": "v9"}}\n' }),
  },
  rows: [
    // Names: shape.
    ...['', ' ', '   ', '1Func', '9', '0day', '_private', '__init__', 'My Func', ' Leading', 'Trailing ', 'tab\tname', 'new\nline'].map((name) => badName(name)),
    ...['a/b', 'Orders/Get', 'a\\b', '..', '../Escape', 'Orders/../../x', '.', '.hidden', './Here'].map((name) => badName(name)),
    ...['/abs/Func', '/tmp', 'C:\\Func', 'C:', '\\\\server\\share', '~/Func', '~'].map((name) => badName(name)),
    ...['Ä', 'Fünf', 'naïve', 'Функция', '関数', 'Emoji😀', 'Straße', 'ﬁle', 'Ｆｕｌｌ'].map((name) => badName(name)),
    ...['my-func', 'a.b', 'func!', 'cost$', 'x;rm', '$(id)', '`id`', 'a"b', "a'b", 'a<b>', 'a|b', 'a&b', 'a%b', '50%', 'a*b', 'a?b', 'a,b', 'a=b', 'a+b', 'a@b', 'a#b'].map((name) => badName(name)),
    badName('A'.repeat(129)),
    badName(`Function${'x'.repeat(200)}`),
    // Names: reserved by the host, Windows, Python or the app.
    ...['host', 'Host', 'HOST'].map((name) => badName(name)),
    ...['con', 'CON', 'Nul', 'aux', 'prn', 'com1', 'LPT9'].map((name) => badName(name)),
    ...['class', 'def', 'import', 'None', 'True', 'False', 'lambda', 'async', 'await', 'yield', 'return', 'global'].map((name) => badName(name)),
    ...['json', 'os', 'logging', 'Logging', 'sys', 'typing', 'http', 'Http', 'email', 'random', 'datetime', 'asyncio', 'unittest', 'string', 'queue', 'types', 'zoneinfo', 'tomllib'].map((name) => badName(name)),
    ...['azure', 'Azure', 'shared_code', 'Shared_Code', 'tests', 'Tests', 'function_app', 'conftest', 'pytest', 'werkzeug'].map((name) => badName(name)),
    ...['venv', 'Venv', 'env', 'build', 'dist', 'bin', 'obj', 'htmlcov', 'Dockerfile'].map((name) => badName(name)),
    // Names: taken in the folder (the host compares names case-insensitively).
    ...['HttpExample', 'httpexample', 'HTTPEXAMPLE', 'httpExample'].map((name) => badName(name, 'app')),
    ...['docs', 'Docs', 'DOCS'].map((name) => badName(name, 'docs')),
    fn(['--trigger', 'http'], null),
    // Enumerations.
    ...['carrier-pigeon', 'httpx', 'cron', 'webhook', 'HTTP2', '', 'http ', '1'].map((trigger) => badFlag('trigger', trigger)),
    ...['v0', 'v3', 'V9', 'classic', '', '1'].map((model) => badFlag('model', model)),
    ...['3.9', '2.7', '3', '3.12.1', 'latest', 'python3.12', '', '3.8'].map((python) => badFlag('python', python)),
    ...['system', 'user', 'none', 'everyone', '', 'Function '].map((level) => badFlag('auth-level', level)),
    ...['fetch', 'get,fetch', 'get,get', 'GET,get', ',', 'connect', 'get;post', 'get post', ''].map((methods) => badFlag('methods', methods)),
    // HTTP routes.
    ...['', '/orders', '~/orders', 'a b', 'a//b', 'a/{b', 'a/b}', '{}', '{1bad}', 'x?y=1', 'x#frag', 'x\\y', 'x"y', 'x<y>', 'x|y', '100%', 'café', 'tab\there', 'r'.repeat(1025)].map((route) =>
      badFlag('route', route),
    ),
    // Timer schedules.
    ...['* * * * *', '0 */5 * * * * *', '', 'x', '60 * * * * *', '0 60 * * * *', '0 0 24 * * *', '0 0 0 0 * *', '0 0 0 32 * *', '0 0 0 * 13 *', '0 0 0 * 0 *', '0 0 0 * * 7'].map(badSchedule),
    ...['0 */0 * * * *', '0 5-1 * * * *', '0 0 0 * FOO *', '0 0 0 * * MONDAY', '%Bad Setting%', '%%', '%1abc%', '@daily', '0 0 * * * ?', '0 0 0 L * *', '0 0 0 * * 1#2'].map(badSchedule),
    // Booleans given a value.
    fn([...timer, '--run-on-startup=maybe'], 'maybe'),
    fn([...timer, '--run-on-startup=1'], '1'),
    fn([...timer, '--no-run-on-startup=true'], 'true'),
    fn(['Api', '--force=maybe'], 'maybe'),
    fn(['Api', '--no-force=yes'], 'yes'),
    fn(['Api', '--interactive=yes'], 'yes'),
    // Asking without a terminal.
    fn(['Api', '--interactive'], true),
    // Options that do not apply to the trigger.
    fn([...timer, '--route', 'x'], 'x'),
    fn([...timer, '--methods', 'get'], 'get'),
    fn([...timer, '--auth-level', 'admin'], 'admin'),
    fn(['Api', '--trigger', 'http', '--schedule', '0 0 * * * *'], '0 0 * * * *'),
    fn(['Api', '--trigger', 'http', '--run-on-startup'], true),
    // Unknown, abbreviated, misspelt and repeated flags; extra arguments.
    ...['--trigerr', '--name', '--no-trigger', '--auth', '--verbose', '--dry-run', '--Trigger', '--skip-install', '--yes'].map((flag) => fn(['Api', flag, 'x'], flag)),
    ...['-t', '-f', '-y', '-name'].map((flag) => fn(['Api', flag], flag)),
    fn(['Api', '--trigger', 'http', '--trigger', 'timer'], '--trigger'),
    fn(['Api', '--force', '--no-force'], '--no-force'),
    fn(['Api', 'Extra'], 'Extra'),
    fn(['Api', '--trigger', 'http', 'Extra'], 'Extra'),
    fn(['Api', 'Orders', 'Third'], 'Orders'),
    // Adding to an app: project choices are fixed; team defaults are checked too.
    fn(['Second', '--python', '3.13'], '3.13', { folder: 'app', option: 'python' }),
    fn(['Second', '--python', '3.11'], '3.11', { folder: 'app', option: 'python' }),
    fn(['Api'], 'everyone', { folder: 'bad-team-auth' }),
    fn(['Api'], '2.7', { folder: 'bad-team-python' }),
    fn(['Api'], 'v9', { folder: 'bad-team-model' }),
    // Triggers beyond HTTP and timer: queue, blob, Service Bus, Event Hubs and Cosmos DB names.
    ...['Orders', 'ab', 'a--b', '-orders', 'orders-', 'order_items', 'q'.repeat(64), '%1bad%', '{bad token}'].map((name) => badFlag('queue-name', name, ['Intake', '--trigger', 'queue'])),
    ...['my queue', '-orders', 'orders-', 'a/b', 'q'.repeat(51)].map((name) => badFlag('queue-name', name, ['Intake', '--trigger', 'servicebus-queue'])),
    ...['Outbox', 'a--b'].map((name) => badFlag('queue-name', name, ['Intake', '--trigger', 'http', '--output', 'queue'])),
    ...['nocontainer', '/images/{name}', 'Images/{name}', 'ab/{name}', 'images/', 'images/{name', 'images/a b', 'images/"x"', 'images/a\\b'].map((path) => badFlag('path', path, ['Resize', '--trigger', 'blob'])),
    badFlag('path', 'out/', ['Intake', '--trigger', 'http', '--output', 'blob']),
    ...['my topic', '-orders', 't'.repeat(51)].map((name) => badFlag('topic-name', name, ['Audit', '--trigger', 'servicebus-topic'])),
    ...['sub/1', 'sub!'].map((name) => badFlag('subscription-name', name, ['Audit', '--trigger', 'servicebus-topic'])),
    ...['hub name', '-hub', 'hub-', 'h'.repeat(257)].map((name) => badFlag('event-hub-name', name, ['Telemetry', '--trigger', 'eventhub'])),
    ...['$default', 'my group', 'g'.repeat(51)].map((group) => badFlag('consumer-group', group, ['Telemetry', '--trigger', 'eventhub'])),
    ...['some', 'all', ''].map((cardinality) => badFlag('cardinality', cardinality, ['Telemetry', '--trigger', 'eventhub'])),
    ...['my/db', 'db#1', 'db?', 'my db', ''].map((name) => badFlag('database-name', name, ['Changes', '--trigger', 'cosmosdb'])),
    ...['items/x', "it'ems"].map((name) => badFlag('container-name', name, ['Changes', '--trigger', 'cosmosdb'])),
    badFlag('lease-container-name', 'lease\\s', ['Changes', '--trigger', 'cosmosdb']),
    // Connections are app setting names, never connection strings.
    ...['DefaultEndpointsProtocol=https;AccountName=x', 'Endpoint=sb://x/;SharedAccessKey=y', '1Conn', 'my-conn', 'Conn String', ''].map((name) =>
      badFlag('connection', name, ['Intake', '--trigger', 'servicebus-queue']),
    ),
    badFlag('connection', 'AccountEndpoint=https://x/;AccountKey=y', ['Changes', '--trigger', 'cosmosdb']),
    badFlag('connection', 'Storage-Conn', ['Intake', '--trigger', 'queue']),
    ...['carrier-pigeon', 'smtp', 'Queue '].map((output) => badFlag('output', output, ['Intake', '--trigger', 'http'])),
    // Options of other triggers and models.
    fn(['Intake', '--trigger', 'queue', '--schedule', '0 0 * * * *'], '0 0 * * * *'),
    fn(['Intake', '--trigger', 'http', '--queue-name', 'orders'], 'orders'),
    fn(['Telemetry', '--trigger', 'queue', '--cardinality', 'one'], 'one'),
    fn(['Hook', '--trigger', 'eventgrid', '--connection', 'Storage'], 'Storage'),
    fn(['Resize', '--trigger', 'timer', '--path', 'images/{name}'], 'images/{name}'),
    fn(['Hello', '--trigger', 'durable', '--route', 'x'], 'x'),
    fn(['Api', '--model', 'v2', '--script-file', 'handler.py'], 'handler.py'),
    fn(['Api', '--model', 'v2', '--entry-point', 'handle'], 'handle'),
    // v1 alternate entry points.
    ...['handler', 'handler.txt', 'my-handler.py', 'class.py', '1h.py', '../x.py', 'sub/x.py', '.py'].map((file) => badFlag('script-file', file)),
    ...['class', '1main', 'main-entry', 'main()', 'a.b', ''].map((entry) => badFlag('entry-point', entry)),
    // v2 function names follow the templates' rule.
    ...['Api_', 'A'].map((name) => fn([name, '--model', 'v2'], name, { option: 'name' })),
    // Worker settings.
    ...['0', '11', 'two', '1.5', ''].map((count) => badFlag('worker-process-count', count)),
    ...['0', '33', 'four'].map((count) => badFlag('threadpool-thread-count', count)),
    fn(['Api', '--isolate-worker-dependencies=perhaps'], 'perhaps'),
    fn(['Api', '--enable-worker-extensions=2'], '2'),
    fn(['Api', '--docker=yes'], 'yes'),
    // Adding to a v2 app: the model is fixed, and names are taken across the app.
    fn(['Second', '--model', 'v1'], 'v1', { folder: 'v2app', option: 'model' }),
    ...['HttpExample', 'httpexample'].map((name) => badName(name, 'v2app')),
  ],
};

// ---------------------------------------------------------------------------------------------
// pyazure webapp
const web = (args: string[], value: unknown, extra: Partial<BadInput> = {}): BadInput => ({ args: ['webapp', ...args], value, ...extra });
const badSiteName = (name: string, folder?: string) => web([name], name, { option: 'name', folder });
const badWebFlag = (flag: string, value: string, base: string[] = ['mysite']) =>
  web([...base, `--${flag}`, value], value, { option: flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) });
const onWindows = ['mysite', '--os', 'windows'];

const WEBAPP_ROWS: GeneratorRows = {
  fixtures: {
    'other-case': files({ 'MySite/notes.md': '# notes\n', Shop: 'ours\n' }),
    'bad-team-framework': files({ '.yo-rc.json': '{"generator-pyazure": {"framework": "rails"}}\n' }),
    'bad-team-workers': files({ '.yo-rc.json': '{"generator-pyazure": {"workers": "0"}}\n' }),
    'bad-team-startup': files({ '.yo-rc.json': '{"generator-pyazure": {"startupFile": "../boot.sh"}}\n' }),
    'bad-team-extension': files({ '.yo-rc.json': '{"generator-pyazure": {"os": "windows", "siteExtension": "python27"}}\n' }),
  },
  rows: [
    // Package names: shape.
    ...['', ' ', 'MySite', 'MYSITE', '1site', 'my-site', 'my site', 'my.site', 'a/b', 'a\\b', '..', '../up', '.hidden', '/abs/site', '~', 'C:\\site'].map((name) => badSiteName(name)),
    ...['café', 'сайт', 'サイト', 'ﬁle', 'ｓｉｔｅ', '$(id)', '`id`', 'a;b', 'a"b', 'a<b>', 'a|b', 'a&b'].map((name) => badSiteName(name)),
    badSiteName('s'.repeat(64)),
    badSiteName(`site${'x'.repeat(300)}`),
    // Package names: keywords, modules the app would shadow, folders it owns, names Windows or git would lose.
    ...['class', 'def', 'import', 'async', 'lambda', 'yield'].map((name) => badSiteName(name)),
    ...['json', 'os', 'logging', 'email', 'http', 'html', 'secrets', 'site', 'typing', 'wsgiref'].map((name) => badSiteName(name)),
    ...['app', 'application', 'runserver', 'manage', 'pages', 'tests', 'conftest', 'static', 'staticfiles', 'templates', 'infra'].map((name) => badSiteName(name)),
    ...['flask', 'django', 'jinja2', 'gunicorn', 'whitenoise', 'waitress', 'wfastcgi'].map((name) => badSiteName(name)),
    ...['con', 'nul', 'com1', 'lpt9', 'venv', 'env', 'build', 'dist', 'htmlcov'].map((name) => badSiteName(name)),
    // Package names: an entry of the folder in another case.
    ...['mysite', 'shop'].map((name) => badSiteName(name, 'other-case')),
    web([], null),
    web(['--framework', 'django'], null),
    // Enumerations.
    ...['rails', 'fastapi', '', 'flask '].map((framework) => badWebFlag('framework', framework)),
    ...['macos', 'win', ''].map((os) => badWebFlag('os', os)),
    ...['3.10', '2.7', '3.13.1', 'latest', ''].map((python) => badWebFlag('python', python)),
    ...['github-actions', 'gitlab', ''].map((ci) => badWebFlag('ci', ci)),
    ...['cgi', 'iisnode', '', 'wfastcgi'].map((handler) => badWebFlag('handler', handler, onWindows)),
    // Numbers (a leading "-" is read as a flag unless given with "=").
    ...['0', '65', '1.5', '1e1', 'two', '', '0x10', '999999999'].map((workers) => badWebFlag('workers', workers)),
    web(['mysite', '--workers=-1'], '-1', { option: 'workers' }),
    ...['0', '65', '2.0', ''].map((threads) => badWebFlag('threads', threads)),
    web(['mysite', '--threads=-4'], '-4', { option: 'threads' }),
    ...['0', '231', '60s', 'Infinity'].map((timeout) => badWebFlag('timeout', timeout)),
    // Startup files.
    ...['start.cmd', 'startup', '../startup.sh', 'scripts/startup.sh', '/startup.sh', '.sh', 'my startup.sh', 'start$(id).sh', 'stärt.sh', '', `${'s'.repeat(70)}.sh`].map((file) =>
      badWebFlag('startup-file', file),
    ),
    web(['mysite', '--startup-file=-x.sh'], '-x.sh', { option: 'startupFile' }),
    // Site extensions.
    ...['python', 'python3111', 'python3111x32', 'Python3111x64', 'python-3.11', 'python27x64', 'python3111x64 ', '', '../python3111x64'].map((id) =>
      badWebFlag('site-extension', id, onWindows),
    ),
    // Booleans given a value.
    web(['mysite', '--framework', 'django', '--migrate=maybe'], 'maybe'),
    web(['mysite', '--framework', 'django', '--collect-static=2'], '2'),
    web(['mysite', '--force=sure'], 'sure'),
    web(['mysite', '--interactive'], true),
    // Options that do not apply to the OS or the framework.
    ...([
      ['--handler', 'fastcgi'],
      ['--site-extension', 'python3111x64'],
    ] as const).map(([flag, value]) => web(['mysite', flag, value], value)),
    ...([
      ['--python', '3.12'],
      ['--workers', '3'],
      ['--threads', '8'],
      ['--timeout', '60'],
      ['--startup-file', 'boot.sh'],
      ['--ci', 'github'],
    ] as const).map(([flag, value]) => web([...onWindows, flag, value], value)),
    web([...onWindows, '--framework', 'django', '--migrate'], true),
    web([...onWindows, '--framework', 'django', '--collect-static'], true),
    web(['mysite', '--migrate'], true),
    web(['mysite', '--framework', 'flask', '--collect-static'], true),
    // Unknown, misspelt and repeated flags; extra arguments.
    ...['--frameworks', '--trigger', '--port', '--Framework'].map((flag) => web(['mysite', flag, 'x'], flag)),
    web(['mysite', '--os', 'linux', '--os', 'windows'], '--os'),
    web(['mysite', 'extra'], 'extra'),
    web(['mysite', '--framework', 'flask', 'shop'], 'shop'),
    // Team defaults are checked too.
    web(['mysite'], 'rails', { folder: 'bad-team-framework' }),
    web(['mysite'], '0', { folder: 'bad-team-workers' }),
    web(['mysite'], '../boot.sh', { folder: 'bad-team-startup' }),
    web(['mysite'], 'python27', { folder: 'bad-team-extension' }),
  ],
};

// ---------------------------------------------------------------------------------------------
// pyazure cloudservice and pyazure role
const cs = (args: string[], value: unknown, extra: Partial<BadInput> = {}): BadInput => ({ args: ['cloudservice', ...args], value, ...extra });
const badServiceFlag = (flag: string, value: string, base: string[] = ['contoso-orders']) =>
  cs([...base, ...flagged(flag, value)], value, { option: flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) });
const role = (args: string[], value: unknown, extra: Partial<BadInput> = {}): BadInput => ({ args: ['role', ...args], value, folder: 'service', ...extra });
const badRoleName = (name: string) => role([name, '--type', 'worker'], name, { option: 'name' });

const CLOUDSERVICE_ROWS: GeneratorRows = {
  fixtures: {
    service: generated(['cloudservice', 'contoso-orders']),
    other: files({ 'Frontend/notes.md': '# notes\n' }),
  },
  rows: [
    // Service names: a DNS label.
    ...['', '1orders', 'orders-', 'o', 'con toso', 'contoso_orders', 'contoso.orders', 'contoso/orders', 'café', 'a'.repeat(64), '<svc>', 'a&b'].map((name) => cs([name], name, { option: 'name' })),
    cs([], null),
    // Role names.
    ...['1Web', 'Web Role', 'Web-Role', 'Web.Role', 'Wéb', '_Web', 'bin', 'Bin', 'con', 'venv', 'tests', 'W'.repeat(64), '<Web>', 'a&b'].map((name) => badServiceFlag('web-role', name)),
    ...['1Worker', 'Worker Role', 'dist', 'W'.repeat(64)].map((name) => badServiceFlag('worker-role', name)),
    cs(['contoso-orders', '--web-role', 'Roles', '--worker-role', 'roles'], 'roles', { option: 'workerRole' }),
    cs(['contoso-orders', '--web-role', 'frontend'], 'frontend', { folder: 'other', option: 'webRole' }),
    // Enumerations and numbers.
    ...['4', '8', 'windows', '2022', ''].map((family) => badServiceFlag('os-family', family)),
    ...['rails', 'Bottle', ''].map((framework) => badServiceFlag('framework', framework)),
    ...['0', '101', '-1x', '1.5', 'two', ''].map((count) => badServiceFlag('instances', count)),
    ...['Huge', 'small', 'Standard D1', 'D1_v2', 'Standard_', 'Standard_D1__v2', ''].map((size) => badServiceFlag('vm-size', size)),
    cs(['contoso-orders', '--extended-support', '--vm-size', 'Small'], 'Small', { option: 'vmSize' }),
    ...['3.12', '3.8.10', '2.7.18', '3.15.0', '3.12.01', 'latest', '3.12.10rc1', ''].map((version) => badServiceFlag('python', version)),
    cs(['contoso-orders', '--extended-support=maybe'], 'maybe'),
    // Options for a role that is not there.
    cs(['contoso-orders', '--no-web-role', '--framework', 'django'], 'django'),
    cs(['contoso-orders', '--no-web-role', '--no-worker-role'], null),
    // A service where one already is.
    cs(['other-orders'], null, { folder: 'service' }),
    // pyazure role: names, duplicates (in any case), the role kind and its options.
    ...['1Role', 'My Role', 'my-role', 'bin', 'BIN', 'nul', 'build', 'R'.repeat(64), '../Up', 'Rôle'].map(badRoleName),
    ...['WebRole1', 'webrole1', 'WORKERROLE1', 'workerRole1'].map((name) => role([name, '--type', 'worker'], name, { option: 'name' })),
    ...['service', 'cache', 'workers', ''].map((type) => role(['Jobs', '--type', type], type, { option: 'type' })),
    role(['Jobs'], null),
    role(['Jobs', '--type', 'worker', '--framework', 'django'], 'django'),
    role(['Admin', '--type', 'web', '--framework', 'rails'], 'rails', { option: 'framework' }),
    role(['Jobs', '--type', 'worker', '--instances', '0'], '0', { option: 'instances' }),
    role(['Jobs', '--type', 'worker', '--vm-size', 'Tiny'], 'Tiny', { option: 'vmSize' }),
    role(['Jobs', '--type', 'worker', '--python', '3.13.0'], '3.13.0', { option: 'python' }),
    // A role outside a service folder.
    role(['Jobs', '--type', 'worker'], null, { folder: undefined }),
    role(['Jobs', '--type', 'worker'], null, { folder: 'other' }),
  ],
};

// ---------------------------------------------------------------------------------------------
// pyazure (no generator, or the app generator that asks which one)
const APP_ROWS: GeneratorRows = {
  fixtures: {},
  rows: [
    ...['functon', 'functions', 'func', 'lambda', 'Function '].map((name) => ({ args: [name, 'Api'], value: name })),
    { args: ['app', '--project', 'lambda'], value: 'lambda', option: 'project' },
    { args: ['app', '--project', ''], value: '', option: 'project' },
    { args: ['app', 'Api', '--project', 'function', '--trigger', 'carrier-pigeon'], value: 'carrier-pigeon', option: 'trigger' },
    { args: ['app', '1Api', '--project', 'function'], value: '1Api', option: 'name' },
    { args: ['app', 'Api', '--project', 'function', '--unknown'], value: '--unknown' },
    { args: ['app', 'mysite', '--project', 'webapp', '--framework', 'rails'], value: 'rails', option: 'framework' },
    { args: ['app', 'MySite', '--project', 'webapp'], value: 'MySite', option: 'name' },
    { args: ['app', 'mysite', '--project', 'webapp', '--os', 'windows', '--workers', '3'], value: '3' },
    { args: ['--trigger', 'http', '--bogus'], value: '--bogus' },
  ],
};

const TABLE: Record<string, GeneratorRows> = {
  function: FUNCTION_ROWS,
  webapp: WEBAPP_ROWS,
  cloudservice: CLOUDSERVICE_ROWS,
  app: APP_ROWS,
};

/** The option `name` of the command, or else of the generator the app command passed it on to. */
function optionNamed(command: string, name: string) {
  for (const candidate of [commandByName(command)!, ...COMMANDS]) {
    const spec = optionsOf(candidate).find((option) => option.name === name);
    if (spec) return spec;
  }
  throw new Error(`no option ${name}`);
}

function assertRefusal(row: BadInput, result: RunResult, before: Map<string, string>, after: Map<string, string>): void {
  const context = `pyazure ${row.args.map((arg) => JSON.stringify(arg)).join(' ')}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`;
  assert.equal(result.code, 2, `exit code, for ${context}`);
  assert.ok(result.stderr.endsWith('\n'), `stderr ends without a newline, for ${context}`);
  const lines = result.stderr.slice(0, -1).split('\n');
  assert.equal(lines.length, 1, `expected exactly one line on stderr, for ${context}`);
  const line = lines[0]!;
  assert.ok(line.startsWith('pyazure: '), context);
  const example = /; for example ("(?:[^"\\]|\\.)*")\.$/.exec(line);
  assert.ok(example, `no '; for example "<valid value>".' at the end, for ${context}`);
  const exampleValue = JSON.parse(example[1]!) as string;
  assert.ok(exampleValue.length > 0, `empty example, for ${context}`);
  if (row.value !== null) {
    const quoted = JSON.stringify(row.value);
    const at = line.indexOf(quoted);
    assert.ok(at >= 0, `the message does not quote the value ${quoted}, for ${context}`);
    // Between the value and the example: the rule, in words.
    const rule = line.slice(at + quoted.length, example.index);
    assert.match(rule, /[a-z]{2,} [a-z]{2,}/, `no rule after the value, for ${context}`);
  }
  if (row.option) {
    const spec = optionNamed(row.args[0]!, row.option);
    assert.doesNotThrow(() => parseOption(spec, exampleValue), `the example ${exampleValue} breaks the rule of ${row.option} itself, for ${context}`);
  }
  assert.deepEqual(after, before, `the folder changed, for ${context}`);
}

describe('bad input is refused with one line, exit code 2 and nothing written (table)', function () {
  const root = tempDir('bad-input');
  const fixtureDirs = new Map<string, string>();
  const outcomes = new Map<BadInput, { result: RunResult; before: Map<string, string>; after: Map<string, string> }>();
  const all = Object.entries(TABLE).flatMap(([generator, { rows }]) => rows.map((row) => ({ generator, row })));

  before(async function () {
    for (const [generator, { fixtures }] of Object.entries(TABLE)) {
      for (const [name, make] of Object.entries(fixtures)) {
        const dir = join(root, 'fixtures', generator, name);
        mkdirSync(dir, { recursive: true });
        await make(dir);
        fixtureDirs.set(`${generator}/${name}`, dir);
      }
    }
    const started = Date.now();
    await mapLimited(all, PARALLEL_RUNS, async ({ generator, row }, index) => {
      // Named like a project folder, so that any file written would be a real project's file.
      const dir = join(root, 'runs', String(index), 'project');
      mkdirSync(dir, { recursive: true });
      if (row.folder) {
        const fixture = fixtureDirs.get(`${generator}/${row.folder}`);
        assert.ok(fixture, `no fixture ${row.folder} for ${generator}`);
        copyFolder(fixture, dir);
      }
      const before = snapshotFolder(dir);
      const result = await pyazureAsync(row.args, dir);
      outcomes.set(row, { result, before, after: snapshotFolder(dir) });
      rmSync(join(root, 'runs', String(index)), { recursive: true, force: true });
    });
    const counts = Object.entries(TABLE).map(([generator, { rows }]) => `${generator} ${rows.length}`);
    console.log(`      bad input: ${all.length} cases tried (${counts.join(', ')}) in ${((Date.now() - started) / 1000).toFixed(0)} s, ${PARALLEL_RUNS} at a time`);
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('has at least 150 cases', function () {
    assert.ok(all.length >= 150, `only ${all.length} cases`);
  });

  /** An argument as a test title shows it: quoted, long ones shortened. */
  const shown = (arg: string) => (arg.length > 40 ? `${JSON.stringify(arg.slice(0, 12))}… (${arg.length} characters)` : JSON.stringify(arg));
  for (const { generator, row } of all) {
    it(`${generator}: pyazure ${row.args.map(shown).join(' ')}${row.folder ? ` (in ${row.folder})` : ''}`, function () {
      const outcome = outcomes.get(row);
      assert.ok(outcome, 'the case did not run');
      assertRefusal(row, outcome.result, outcome.before, outcome.after);
    });
  }
});
