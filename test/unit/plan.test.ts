import { strict as assert } from 'node:assert';
import { isUsageError } from '../../src/lib/errors.js';
import { fixedByApp, inspectFunctionsApp, planFunction } from '../../src/lib/functions/plan.js';
import { type Plan, writesFor } from '../../src/lib/plan.js';
import { TRIGGERS } from '../../src/lib/functions/triggers.js';
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

  it('detects the model and refuses to add v1 functions to a v2 app', function () {
    const v2 = memoryProject({ 'host.json': '{}', 'function_app.py': '' });
    assert.equal(inspectFunctionsApp(v2).model, 'v2');
    assert.throws(() => fixedByApp(inspectFunctionsApp(v2), {}), (error) => isUsageError(error) && /v2-model Functions app/.test(error.message));
    assert.deepEqual(fixedByApp(inspectFunctionsApp(memoryProject({ 'host.json': '{}' })), { python: '3.11' }), { model: 'v1', python: '3.11' });
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
  for (const trigger of TRIGGERS) {
    it(`${trigger.id}: binding names follow the host's rule and are unique`, function () {
      const answers = { name: 'Example', trigger: trigger.id, authLevel: 'function', methods: ['get'], schedule: '0 */5 * * * *' };
      const names = trigger.bindings(answers).map((binding) => binding.name);
      for (const name of names) assert.equal(checkBindingName(name), undefined, name);
      assert.equal(new Set(names).size, names.length);
      assert.equal(trigger.bindings(answers).filter((binding) => binding.direction === 'in' && /Trigger$/.test(binding.type)).length, 1, 'exactly one trigger binding');
    });
  }
});
