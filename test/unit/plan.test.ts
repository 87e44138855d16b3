import { strict as assert } from 'node:assert';
import { isUsageError } from '../../src/lib/errors.js';
import { fixedByApp, inspectFunctionsApp, planFunction } from '../../src/lib/functions/plan.js';
import { type Plan, writesFor } from '../../src/lib/plan.js';
import { connectionSettings, TRIGGERS } from '../../src/lib/functions/triggers.js';
import { decoratorsFor } from '../../src/lib/functions/decorators.js';
import { addRegistration, declaredFunctionNames } from '../../src/lib/functions/function-app.js';
import { checkBindingName } from '../../src/lib/naming.js';
import { FUNCTION_COMMAND } from '../../src/lib/functions/command.js';
import { teamDefaultsToSave } from '../../src/lib/options.js';
import { memoryProject } from '../support/memory-project.js';

const HTTP = { name: 'HttpExample', trigger: 'http', authLevel: 'function', methods: ['get', 'post'], model: 'v1', python: '3.12' };
const TIMER = { name: 'Nightly', trigger: 'timer', schedule: '0 0 2 * * *', runOnStartup: false, model: 'v1', python: '3.12' };

const byPath = (plan: Plan) => new Map(plan.files.map((file) => [file.path, file]));

describe('Functions plans', function () {
  it('plans a whole new app, every file owned by the run', function () {
    const plan = planFunction(HTTP, memoryProject({}), 'my-app');
    const files = byPath(plan);
    for (const path of ['host.json', 'local.settings.json', 'requirements.txt', 'requirements-dev.txt', '.funcignore', '.gitignore', '.vscode/settings.json', 'shared_code/__init__.py', 'shared_code/greeting.py', 'tests/conftest.py', 'HttpExample/function.json', 'HttpExample/__init__.py', 'tests/test_httpexample.py', 'README.md', 'pyproject.toml']) {
      assert.ok(files.has(path), `${path} missing`);
    }
    assert.ok([...files.values()].every((file) => file.mode === 'create' || file.path.startsWith('shared_code/greeting')));
    assert.equal(plan.createsProject, true);
    assert.deepEqual(teamDefaultsToSave(FUNCTION_COMMAND.options, HTTP, {}), { model: 'v1', python: '3.12', authLevel: 'function' });
    assert.match(files.get('README.md')!.contents, /^# my-app$/m);
    assert.equal(files.get('requirements.txt')!.contents.trim().split('\n').at(-1), 'azure-functions');
  });

  it('writes the route and methods into the binding and the test request', function () {
    const plan = planFunction({ ...HTTP, name: 'Orders', methods: ['put'], route: 'orders/{id:int}' }, memoryProject({}), 'app');
    const files = byPath(plan);
    assert.deepEqual(JSON.parse(files.get('Orders/function.json')!.contents).bindings[0], {
      type: 'httpTrigger', direction: 'in', name: 'req', authLevel: 'function', methods: ['put'], route: 'orders/{id:int}',
    });
    const test = files.get('tests/test_orders.py')!.contents;
    assert.match(test, /^URL = "\/api\/orders\/\{id:int\}"$/m);
    assert.match(test, /make_request\("PUT", body=/);
    assert.doesNotMatch(test, /params=\{"name": "Ada"\}/, 'a PUT-only function gets no query-string test');
  });

  it('adds to an existing app: its files are kept, merges update, a clash is refused', function () {
    const existing = memoryProject({
      'host.json': '{"version": "2.0"}',
      'local.settings.json': '{"IsEncrypted": false, "Values": {"FUNCTIONS_WORKER_RUNTIME": "python"}}',
      'requirements.txt': 'requests\n',
      'HttpExample/function.json': '{"bindings": []}',
      'HttpExample/__init__.py': '',
    });
    const plan = planFunction(TIMER, existing, 'app');
    const files = byPath(plan);
    assert.equal(plan.createsProject, false);
    assert.equal(files.get('host.json')!.mode, 'create-if-missing');
    assert.equal(files.get('requirements.txt')!.mode, 'update');
    assert.equal(files.get('requirements.txt')!.contents, 'requests\nazure-functions\n');
    assert.deepEqual(JSON.parse(files.get('local.settings.json')!.contents).Values, { FUNCTIONS_WORKER_RUNTIME: 'python', AzureWebJobsStorage: 'UseDevelopmentStorage=true' });
    assert.throws(() => planFunction({ ...TIMER, name: 'HTTPEXAMPLE' }, existing, 'app'), (error) => isUsageError(error) && /already has a function "HttpExample"/.test(error.message));
    assert.throws(() => planFunction({ ...TIMER, name: 'Requirements' }, memoryProject({ 'host.json': '{}', 'requirements': '' }), 'app'), (error) => isUsageError(error) && /taken by the existing file or folder "requirements"/.test(error.message));
  });

  it('detects the model and fixes it for the existing app', function () {
    const v2 = memoryProject({ 'host.json': '{}', 'function_app.py': 'import azure.functions as func\n\napp = func.FunctionApp()\n' });
    assert.equal(inspectFunctionsApp(v2).model, 'v2');
    assert.deepEqual(fixedByApp(inspectFunctionsApp(v2), {}), { model: 'v2', python: undefined, docker: undefined });
    assert.deepEqual(fixedByApp(inspectFunctionsApp(memoryProject({ 'host.json': '{}' })), { python: '3.11' }), { model: 'v1', python: '3.11', docker: undefined });
  });

  it('plans a v2 app: function_app.py registers one blueprint module per function', function () {
    const files = byPath(planFunction({ ...HTTP, model: 'v2' }, memoryProject({}), 'app'));
    assert.ok(!files.has('HttpExample/function.json'));
    assert.match(files.get('functions/httpexample.py')!.contents, /^bp = func\.Blueprint\(\)$/m);
    assert.match(files.get('functions/httpexample.py')!.contents, /^@bp\.function_name\(name="HttpExample"\)\n@bp\.route\(methods=\["GET", "POST"\], auth_level=func\.AuthLevel\.FUNCTION\)\ndef main\(/m);
    const app = files.get('function_app.py')!.contents;
    assert.match(app, /^from functions import httpexample$/m);
    assert.match(app, /^app = func\.FunctionApp\(\)\n\napp\.register_functions\(httpexample\.bp\)\n$/m);
    assert.match(files.get('tests/test_httpexample.py')!.contents, /^from functions\.httpexample import main$/m);
  });

  it('adds to a v2 app: one import and one registration, names found in decorators refused', function () {
    const existing = memoryProject({
      'host.json': '{}',
      'function_app.py': 'import azure.functions as func\n\napp = func.FunctionApp()\n\n\n@app.function_name(name="Legacy")\n@app.route()\ndef legacy(req: func.HttpRequest) -> func.HttpResponse:\n    return func.HttpResponse("ok")\n\n\n@app.timer_trigger(schedule="0 0 * * * *", arg_name="t")\ndef tick(t: func.TimerRequest) -> None:\n    pass\n',
    });
    assert.deepEqual(inspectFunctionsApp(existing).functionNames, ['Legacy', 'tick']);
    for (const taken of ['legacy', 'TICK']) {
      assert.throws(() => planFunction({ ...TIMER, name: taken, model: 'v2' }, existing, 'app'), (error) => isUsageError(error) && /is taken/.test(error.message));
    }
    const app = byPath(planFunction({ ...TIMER, model: 'v2' }, existing, 'app')).get('function_app.py')!;
    assert.equal(app.mode, 'update');
    assert.equal(
      app.contents,
      'import azure.functions as func\nfrom functions import nightly\n\napp = func.FunctionApp()\n\n\n@app.function_name(name="Legacy")\n@app.route()\ndef legacy(req: func.HttpRequest) -> func.HttpResponse:\n    return func.HttpResponse("ok")\n\n\n@app.timer_trigger(schedule="0 0 * * * *", arg_name="t")\ndef tick(t: func.TimerRequest) -> None:\n    pass\n\n\napp.register_functions(nightly.bp)\n',
    );
  });

  it('finds v2 function names across multi-line decorators and async functions, and needs a FunctionApp', function () {
    const source = [
      'import azure.functions as func',
      '',
      'app = func.FunctionApp()',
      '',
      '',
      '@app.function_name(',
      '    name="SpreadOut",',
      ')',
      '@app.route(',
      '    route="x",',
      ')',
      'async def spread(req: func.HttpRequest) -> func.HttpResponse:',
      '    return func.HttpResponse("ok")',
      '',
      '',
      'def helper() -> None:',
      '    pass',
      '',
      '',
      "@app.queue_trigger(arg_name='msg', queue_name='q1x', connection='AzureWebJobsStorage')",
      'def on_message(msg: func.QueueMessage) -> None:',
      '    pass',
      '',
    ].join('\n');
    assert.deepEqual(declaredFunctionNames(source), ['SpreadOut', 'on_message']);
    assert.throws(() => addRegistration('import azure.functions as func\n', 'x'), (error) => isUsageError(error) && /does not create its FunctionApp/.test(error.message));
  });

  it('applies each trigger\'s own rule and default to shared options', function () {
    const storage = { ...HTTP, name: 'Work', trigger: 'queue', queueName: 'Orders_1', connection: 'AzureWebJobsStorage' };
    assert.throws(() => planFunction(storage, memoryProject({}), 'app'), (error) => isUsageError(error) && /^--queue-name "Orders_1" is not a valid storage queue name/.test(error.message));
    const serviceBus = byPath(planFunction({ ...storage, trigger: 'servicebus-queue', connection: 'ServiceBusConnection' }, memoryProject({}), 'app'));
    assert.equal(JSON.parse(serviceBus.get('Work/function.json')!.contents).bindings[0].queueName, 'Orders_1');
    assert.match(JSON.parse(serviceBus.get('local.settings.json')!.contents).Values.ServiceBusConnection, /UseDevelopmentEmulator=true/);
  });

  it('names the durable functions after <name> and pins the v1 model to azure-functions-durable 1.x', function () {
    const durable = { ...HTTP, name: 'Hello', trigger: 'durable' };
    const v1 = byPath(planFunction(durable, memoryProject({}), 'app'));
    for (const name of ['HelloStart', 'HelloOrchestrator', 'HelloActivity']) assert.ok(v1.has(`${name}/function.json`), name);
    assert.match(v1.get('requirements.txt')!.contents, /^azure-functions-durable<2$/m);
    const v2 = byPath(planFunction({ ...durable, model: 'v2' }, memoryProject({}), 'app'));
    assert.match(v2.get('function_app.py')!.contents, /^app = df\.DFApp\(\)$/m);
    assert.match(v2.get('requirements.txt')!.contents, /^azure-functions-durable$/m);
    assert.throws(() => planFunction(durable, memoryProject({ 'host.json': '{}', 'HelloActivity/function.json': '{}' }), 'app'), /"HelloActivity" is taken/);
  });

  it('writes the alternate entry point to function.json and names it in the code and the test', function () {
    const files = byPath(planFunction({ ...TIMER, scriptFile: 'handler.py', entryPoint: 'run' }, memoryProject({}), 'app'));
    assert.deepEqual(JSON.parse(files.get('Nightly/function.json')!.contents).scriptFile, 'handler.py');
    assert.deepEqual(JSON.parse(files.get('Nightly/function.json')!.contents).entryPoint, 'run');
    assert.match(files.get('Nightly/handler.py')!.contents, /^def run\(mytimer: func\.TimerRequest\) -> None:$/m);
    assert.match(files.get('tests/test_nightly.py')!.contents, /^from Nightly\.handler import run as main$/m);
  });

  it('adds Docker files and worker settings when asked', function () {
    const files = byPath(planFunction({ ...HTTP, python: '3.13', docker: true, workerProcessCount: '4', isolateWorkerDependencies: true }, memoryProject({}), 'app'));
    assert.match(files.get('Dockerfile')!.contents, /^FROM mcr\.microsoft\.com\/azure-functions\/python:4-python3\.13$/m);
    assert.match(files.get('.dockerignore')!.contents, /^local\.settings\.json$/m);
    const values = JSON.parse(files.get('local.settings.json')!.contents).Values;
    assert.equal(values.FUNCTIONS_WORKER_PROCESS_COUNT, '4');
    assert.equal(values.PYTHON_ISOLATE_WORKER_DEPENDENCIES, '1');
    assert.ok(!('PYTHON_THREADPOOL_THREAD_COUNT' in values));
    assert.ok(!byPath(planFunction(HTTP, memoryProject({}), 'app')).has('Dockerfile'));
  });

  describe('writes against the disk', function () {
    const plan: Plan = {
      files: [
        { path: 'owned.txt', contents: 'new', mode: 'create' },
        { path: 'same.txt', contents: 'same', mode: 'create' },
        { path: 'kept.txt', contents: 'ours', mode: 'create-if-missing' },
        { path: 'merged.txt', contents: 'merged', mode: 'update' },
      ],
      createsProject: false,
      summary: '',
      nextSteps: [],
    };
    const disk = memoryProject({ 'owned.txt': 'user edit', 'same.txt': 'same', 'kept.txt': 'theirs', 'merged.txt': 'before' });

    it('refuses to overwrite a changed file, naming it and --force', function () {
      assert.throws(() => writesFor(plan, disk, false), (error) => isUsageError(error) && /Not overwriting 1 existing file .*: owned\.txt\. .*--force/.test(error.message));
    });

    it('with --force overwrites it; identical and kept files are never written', function () {
      assert.deepEqual(writesFor(plan, disk, true), [
        { path: 'owned.txt', contents: 'new', existing: true },
        { path: 'merged.txt', contents: 'merged', existing: true },
      ]);
    });

    it('refuses to write a file where a folder is', function () {
      assert.throws(() => writesFor({ ...plan, files: [{ path: 'dir', contents: '', mode: 'create' }] }, memoryProject({ 'dir/x': '' }), true), /a folder of that name exists/);
    });

    it('refuses, even with --force, a path whose file or folder exists in another case', function () {
      const nested: Plan = { ...plan, files: [{ path: 'site/static/app.css', contents: '', mode: 'create' }] };
      for (const [files, twin] of [
        [{ 'Site/notes.md': '' }, 'Site'],
        [{ 'site/Static/logo.png': '' }, 'site/Static'],
        [{ 'site/static/App.css': '' }, 'site/static/App.css'],
      ] as const) {
        assert.throws(() => writesFor(nested, memoryProject(files), true), (error) => isUsageError(error) && error.message.includes(`but ${twin} exists, a name differing only in case`));
      }
      assert.deepEqual(writesFor(nested, memoryProject({ 'site/static/other.css': '', 'Other/x': '' }), false), [{ path: 'site/static/app.css', contents: '', existing: false }]);
    });
  });
});

describe('the trigger catalog', function () {
  const answersFor = (trigger: string) => {
    const answers: Record<string, unknown> = { name: 'Example', trigger, model: 'v1', authLevel: 'function', methods: ['get'], output: 'none' };
    for (const option of FUNCTION_COMMAND.options) {
      if (option.when?.(answers) === false || answers[option.name] !== undefined) continue;
      const value = typeof option.default === 'function' ? option.default(answers) : option.default;
      if (value !== undefined) answers[option.name] = value;
    }
    return answers;
  };

  for (const trigger of TRIGGERS) {
    it(`${trigger.id}: binding names follow the host's rule, one trigger per function, connections known`, function () {
      for (const part of trigger.functions(answersFor(trigger.id))) {
        const names = part.bindings.map((binding) => binding.name);
        for (const name of names) assert.equal(checkBindingName(name), undefined, name);
        assert.equal(new Set(names).size, names.length);
        assert.equal(part.bindings.filter((binding) => binding.direction === 'in' && /Trigger$/.test(binding.type)).length, 1, 'exactly one trigger binding');
        assert.doesNotThrow(() => connectionSettings(part.bindings));
        assert.doesNotThrow(() => decoratorsFor('bp', part.name, part.bindings));
      }
    });
  }

  it('gives each trigger its own connection default', function () {
    const connection = FUNCTION_COMMAND.options.find((option) => option.name === 'connection')!;
    const defaults = Object.fromEntries(['blob', 'queue', 'servicebus-queue', 'eventhub', 'cosmosdb'].map((id) => [id, (connection.default as (a: object) => string)(answersFor(id))]));
    assert.deepEqual(defaults, { blob: 'AzureWebJobsStorage', queue: 'AzureWebJobsStorage', 'servicebus-queue': 'ServiceBusConnection', eventhub: 'EventHubConnection', cosmosdb: 'CosmosDBConnection' });
    assert.equal(connection.when?.({ trigger: 'http', output: 'none' }), false);
    assert.equal(connection.when?.({ trigger: 'http', output: 'queue' }), true);
  });

  it('writes v2 decorators as ruff formats them', function () {
    const long = decoratorsFor('bp', 'Changes', [
      { type: 'cosmosDBTrigger', direction: 'in', name: 'documents', connection: 'CosmosDBConnection', databaseName: 'shop', containerName: 'orders', leaseContainerName: 'leases', createLeaseContainerIfNotExists: true },
    ]);
    assert.deepEqual(long, [
      '@bp.function_name(name="Changes")',
      '@bp.cosmos_db_trigger(',
      '    arg_name="documents",',
      '    connection="CosmosDBConnection",',
      '    database_name="shop",',
      '    container_name="orders",',
      '    lease_container_name="leases",',
      '    create_lease_container_if_not_exists=True,',
      ')',
    ]);
    assert.deepEqual(decoratorsFor('bp', 'Ingest', [{ type: 'blobTrigger', direction: 'in', name: 'myblob', path: 'a-b/{name}', connection: 'AzureWebJobsStorage', source: 'EventGrid' }]).slice(1), [
      '@bp.blob_trigger(',
      '    arg_name="myblob", path="a-b/{name}", connection="AzureWebJobsStorage", source=func.BlobSource.EVENT_GRID',
      ')',
    ]);
  });
});
