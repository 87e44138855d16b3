/**
 * Every trigger in both programming models, through the bin: files checked against the schemas,
 * requirements installed from PyPI, the app loaded the way the Python worker loads it, its own
 * tests and the quality gates run; then two functions of other triggers added to each app, and to
 * apps shaped like the ones Core Tools makes, and everything run again.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGeneratedFiles } from '../support/checks.js';
import { createVenv, inParallel, installApps, loadApp, type LoadReport, pyazureAsync, runAppTests } from '../support/functions.js';
import { tempDir } from '../support/paths.js';
import { checkQuality } from '../support/quality.js';
import { diffTrees, readTree } from '../support/tree.js';

interface Case {
  /** Folder name, also what the case is called in test titles. */
  id: string;
  args: string[];
  /** Functions the case makes, by name. */
  names: string[];
  /** Project options, given only when the case creates its app. */
  projectArgs?: string[];
}

const CASES: Case[] = [
  { id: 'http', args: ['Greet', '--trigger', 'http'], names: ['Greet'], projectArgs: ['--docker', '--python', '3.11'] },
  { id: 'http-queue-out', args: ['Intake', '--trigger', 'http', '--output', 'queue', '--methods', 'post', '--auth-level', 'anonymous'], names: ['Intake'] },
  { id: 'http-blob-out', args: ['Archive', '--trigger', 'http', '--output', 'blob', '--route', 'archive/{kind:alpha}', '--path', 'archive/{rand-guid}.json'], names: ['Archive'] },
  { id: 'timer', args: ['Nightly', '--trigger', 'timer', '--schedule', '0 0 2 * * *', '--run-on-startup'], names: ['Nightly'], projectArgs: ['--worker-process-count', '2', '--threadpool-thread-count', '4'] },
  { id: 'blob', args: ['Resize', '--trigger', 'blob', '--path', 'images/{name}', '--connection', 'ImagesStorage'], names: ['Resize'] },
  { id: 'eventgrid-blob', args: ['Ingest', '--trigger', 'eventgrid-blob'], names: ['Ingest'] },
  { id: 'queue', args: ['Work', '--trigger', 'queue', '--queue-name', 'work-items'], names: ['Work'] },
  { id: 'servicebus-queue', args: ['Orders', '--trigger', 'servicebus-queue', '--queue-name', 'orders.v1'], names: ['Orders'] },
  { id: 'servicebus-topic', args: ['Audit', '--trigger', 'servicebus-topic', '--topic-name', 'events', '--subscription-name', 'audit'], names: ['Audit'] },
  { id: 'eventhub', args: ['Telemetry', '--trigger', 'eventhub', '--event-hub-name', 'telemetry', '--consumer-group', 'functions'], names: ['Telemetry'] },
  { id: 'eventhub-one', args: ['Single', '--trigger', 'eventhub', '--cardinality', 'one'], names: ['Single'] },
  { id: 'eventgrid', args: ['Notify', '--trigger', 'eventgrid'], names: ['Notify'] },
  { id: 'cosmosdb', args: ['Changes', '--trigger', 'cosmosdb', '--database-name', 'shop', '--container-name', 'orders'], names: ['Changes'] },
  { id: 'durable', args: ['Hello', '--trigger', 'durable'], names: ['HelloStart', 'HelloOrchestrator', 'HelloActivity'] },
];

/** The second and third functions added to an app: triggers other than its own. */
function additionsFor(index: number): Case[] {
  const picks = [CASES[(index + 3) % CASES.length]!, CASES[(index + 7) % CASES.length]!];
  return picks.map((pick, position) => {
    const suffix = position === 0 ? 'Second' : 'Third';
    return { id: pick.id, args: [`${pick.args[0]}${suffix}`, ...pick.args.slice(1)], names: pick.names.map((name) => name.replace(pick.args[0]!, `${pick.args[0]}${suffix}`)) };
  });
}

/** v2 indexes bindings with its own spelling (IN, FUNCTION, GET); v1 writes them as function.json does. */
function normalised(bindings: Record<string, unknown>[], functionName: string): Record<string, unknown>[] {
  return bindings
    .map((binding) => {
      const copy: Record<string, unknown> = { ...binding };
      for (const key of ['direction', 'authLevel', 'cardinality']) if (typeof copy[key] === 'string') copy[key] = (copy[key] as string).toLowerCase();
      if (Array.isArray(copy.methods)) copy.methods = copy.methods.map((method) => String(method).toLowerCase());
      // Without a route both models serve the function under its name.
      if (copy.type === 'httpTrigger' && copy.route === undefined) copy.route = functionName;
      return copy;
    })
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

function assertLoads(report: LoadReport, expectedNames: readonly string[], where: string): void {
  assert.deepEqual(report.problems, [], `${where}: the worker would not load the app`);
  assert.deepEqual(report.functions.map((loaded) => loaded.name).sort(), [...expectedNames].sort(), `${where}: functions found by the worker`);
}

function assertOk(result: { code: number; stderr: string }, what: string): void {
  assert.equal(result.code, 0, `${what} failed:\n${result.stderr}`);
}

/** A Core Tools app: the files `func init --worker-runtime python` writes, with a v2 inline function. */
function writeCoreToolsApp(folder: string, model: 'v1' | 'v2'): void {
  const files: Record<string, string> = {
    'host.json': '{\n  "version": "2.0",\n  "extensionBundle": {\n    "id": "Microsoft.Azure.Functions.ExtensionBundle",\n    "version": "[4.*, 5.0.0)"\n  }\n}',
    'local.settings.json': '{\n  "IsEncrypted": false,\n  "Values": {\n    "FUNCTIONS_WORKER_RUNTIME": "python",\n    "AzureWebJobsStorage": "",\n    "AzureWebJobsFeatureFlags": "EnableWorkerIndexing"\n  }\n}',
    'requirements.txt': '# DO NOT include azure-functions-worker in this file\n# The Python Worker is managed by Azure Functions platform\n# Manually managing azure-functions-worker may cause unexpected issues\n\nazure-functions\n',
    '.gitignore': 'bin\nobj\ncsx\n.vs\nedge\nPublish\n*.user\n*.suo\n*.cscfg\n*.Cache\nproject.lock.json\n/packages\n/TestResults\n/tools/NuGet.exe\n/App_Data\n/secrets\n/data\n.secrets\nappsettings.json\nlocal.settings.json\nnode_modules\ndist\n__pycache__/\n.venv\n',
    '.funcignore': '.git*\n.vscode\n__azurite_db*__.json\n__blobstorage__\n__queuestorage__\nlocal.settings.json\ntest\n.venv\n',
    '.vscode/extensions.json': '{\n  "recommendations": [\n    "ms-azuretools.vscode-azurefunctions",\n    "ms-python.python"\n  ]\n}\n',
  };
  if (model === 'v2') {
    files['function_app.py'] = [
      'import azure.functions as func',
      '',
      'app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)',
      '',
      '',
      '@app.route(route="ping")',
      'def ping(req: func.HttpRequest) -> func.HttpResponse:',
      '    return func.HttpResponse("pong")',
      '',
    ].join('\n');
  }
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), contents);
  }
}

describe('pyazure function: every trigger in both models (end to end)', function () {
  let top: string;
  before(() => (top = tempDir('matrix')));
  after(() => rmSync(top, { recursive: true, force: true }));
  /** Each model's app folder per case; v2 apps are compared with the v1 app of the same case. */
  const appDirs = { v1: new Map<string, string>(), v2: new Map<string, string>() };

  for (const model of ['v1', 'v2'] as const) {
    describe(`model ${model}`, function () {
      let root: string;
      let python: string;
      const apps = CASES.map((testCase) => ({ ...testCase, dir: '' }));
      const coreTools = { dir: '', names: model === 'v2' ? ['ping'] : [] as string[] };
      const expectedNames = new Map<string, string[]>();

      before(function () {
        root = join(top, model);
        mkdirSync(root);
        python = createVenv(join(root, '.venv'));
        for (const app of apps) {
          app.dir = join(root, app.id);
          mkdirSync(app.dir);
          appDirs[model].set(app.id, app.dir);
          expectedNames.set(app.dir, [...app.names]);
        }
        coreTools.dir = join(root, 'core-tools');
        mkdirSync(coreTools.dir);
        writeCoreToolsApp(coreTools.dir, model);
        expectedNames.set(coreTools.dir, [...coreTools.names]);
      });

      /** Install, load as the worker does, run the apps' own tests, then the quality gates over all of them. */
      async function proveAll(dirs: readonly string[]): Promise<void> {
        installApps(python, dirs);
        await inParallel(dirs, async (dir) => {
          assertLoads(await loadApp(python, dir), expectedNames.get(dir)!, dir);
          assert.ok((await runAppTests(python, dir)) > 0, `${dir}: no tests ran`);
        });
        checkQuality(python, root);
      }

      it('generates an app for every trigger, with files the platform accepts', async function () {
        const results = await inParallel(apps, (app) => pyazureAsync(['function', ...app.args, ...(app.projectArgs ?? []), '--model', model], app.dir));
        results.forEach((result, index) => assertOk(result, `pyazure function ${apps[index]!.args.join(' ')}`));
        for (const app of apps) {
          const tree = readTree(app.dir);
          checkGeneratedFiles(tree);
          assert.equal(JSON.parse(tree.get('.yo-rc.json')!)['generator-pyazure'].model, model);
        if (app.projectArgs?.includes('--docker')) {
          assert.match(tree.get('Dockerfile')!, /^FROM mcr\.microsoft\.com\/azure-functions\/python:4-python3\.11$/m);
          assert.match(tree.get('.dockerignore')!, /^local\.settings\.json$/m);
        } else {
          assert.ok(!tree.has('Dockerfile'));
        }
        if (app.projectArgs?.includes('--worker-process-count')) {
          const values = JSON.parse(tree.get('local.settings.json')!).Values;
          assert.equal(values.FUNCTIONS_WORKER_PROCESS_COUNT, '2');
          assert.equal(values.PYTHON_THREADPOOL_THREAD_COUNT, '4');
        }
          if (model === 'v1') {
            for (const name of app.names) assert.ok(tree.has(`${name}/function.json`), `${app.id}: ${name}/function.json`);
          } else {
            assert.ok(tree.has('function_app.py'));
            assert.ok(![...tree.keys()].some((path) => path.endsWith('function.json')), 'v2 apps have no function.json');
          }
        }
      });

      it('installs from PyPI, loads in the worker, passes its own tests and the quality gates', async function () {
        await proveAll(apps.map((app) => app.dir));
      });

      if (model === 'v2') {
        it('declares in decorators exactly the bindings the v1 app of the same options writes to function.json', async function () {
          for (const app of apps) {
            const report = await loadApp(python, app.dir);
            for (const loaded of report.functions) {
              const v1Bindings = JSON.parse(readFileSync(join(appDirs.v1.get(app.id)!, loaded.name, 'function.json'), 'utf8')).bindings;
              assert.deepEqual(normalised(loaded.bindings, loaded.name), normalised(v1Bindings, loaded.name), `${app.id}: ${loaded.name}`);
            }
          }
        });
      }

      it('adds a second and a third function of other triggers to every app, changing no other function', async function () {
        const targets = [...apps.map((app, index) => ({ dir: app.dir, additions: additionsFor(index) })), { dir: coreTools.dir, additions: additionsFor(5) }];
        await inParallel(targets, async ({ dir, additions }) => {
          for (const addition of additions) {
            const before = readTree(dir);
            assertOk(await pyazureAsync(['function', ...addition.args], dir), `adding ${addition.args.join(' ')} in ${dir}`);
            const after = readTree(dir);
            const diff = diffTrees(before, after);
            assert.deepEqual(diff.removed, []);
            const mergeable = ['local.settings.json', 'requirements.txt', ...(model === 'v2' ? ['function_app.py'] : [])];
            assert.deepEqual(diff.changed.filter((path) => !mergeable.includes(path)), [], `${dir}: only merged files change`);
            for (const path of diff.added) {
              assert.ok(!before.has(path));
            }
            if (model === 'v2') {
              // Exactly one import and one registration per added function; every old line kept in order.
              const codeLines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
              const oldLines = codeLines(before.get('function_app.py')!);
              const newLines = codeLines(after.get('function_app.py')!);
              const added = newLines.filter((line) => !oldLines.includes(line));
              assert.equal(added.length, 2 * addition.names.length, added.join('\n'));
              assert.deepEqual(newLines.filter((line) => oldLines.includes(line)), oldLines);
            }
            const settings = JSON.parse(after.get('local.settings.json')!).Values;
            for (const [name, value] of Object.entries(JSON.parse(before.get('local.settings.json')!).Values)) {
              assert.equal(settings[name], value, `${dir}: the existing value of ${name} is kept`);
            }
            assert.ok(after.get('requirements.txt')!.startsWith(before.get('requirements.txt')!), 'requirement lines are only appended');
            checkGeneratedFiles(new Map([...after].filter(([path]) => diff.added.includes(path) || diff.changed.includes(path))));
            expectedNames.get(dir)!.push(...addition.names);
          }
        });
      });

      it('installs, loads, and passes its tests and the quality gates again with three functions each', async function () {
        await proveAll([...apps.map((app) => app.dir), coreTools.dir]);
      });

      it('has a load check that fails on the mismatches the worker fails on', async function () {
        const broken = join(root, 'broken');
        mkdirSync(broken);
        assertOk(await pyazureAsync(['function', 'Fine', '--trigger', 'http', '--output', 'queue', '--model', model], broken), 'generating the app to break');
        const expectProblems = async (patterns: RegExp[]) => {
          const problems = (await loadApp(python, broken)).problems;
          for (const pattern of patterns) assert.ok(problems.some((problem) => pattern.test(problem)), `${pattern} not in ${JSON.stringify(problems)}`);
        };
        const edit = (path: string, from: string | RegExp, to: string) => {
          const file = join(broken, path);
          const text = readFileSync(file, 'utf8');
          const changed = text.replace(from, to);
          assert.notEqual(changed, text, `nothing to change in ${path}`);
          writeFileSync(file, changed);
        };
        const code = model === 'v1' ? 'Fine/__init__.py' : 'functions/fine.py';
        edit(code, 'msg: func.Out[str]', 'message: func.Out[str]');
        await expectProblems([/Fine: parameters \['message', 'req'\] do not match the bindings \['msg', 'req'\]/]);
        edit(code, 'message: func.Out[str]', 'msg: str');
        await expectProblems([/Fine: out binding msg is not annotated func\.Out/]);
        edit(code, 'msg: str', 'msg: func.Out[str]');
        assert.deepEqual((await loadApp(python, broken)).problems, []);
        if (model === 'v1') {
          edit('Fine/function.json', '"name": "msg"', '"name": "out_msg"');
          await expectProblems([/binding name 'out_msg' breaks the host's rule/]);
        } else {
          // A second module with the same function name: indexing fails, as the host's does.
          writeFileSync(join(broken, 'functions', 'copy.py'), readFileSync(join(broken, 'functions', 'fine.py'), 'utf8'));
          edit('function_app.py', /$/, 'from functions import copy  # noqa: E402\n\napp.register_functions(copy.bp)\n');
          await expectProblems([/indexing failed: ValueError: Function Fine does not have a unique function name/]);
          edit('function_app.py', /$/, 'second_app = func.FunctionApp()\n');
          await expectProblems([/function_app\.py has 2 FunctionApp objects/]);
        }
      });

      it('refuses a duplicate name in any case with one line, changing nothing', async function () {
        const target = model === 'v2' ? { dir: coreTools.dir, name: 'PING' } : { dir: apps[0]!.dir, name: 'GREET' };
        const before = readTree(target.dir);
        const result = await pyazureAsync(['function', target.name, '--trigger', 'timer'], target.dir);
        assert.equal(result.code, 2);
        assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
        assert.match(result.stderr, /is taken: the app already has a function/);
        assert.deepEqual(diffTrees(before, readTree(target.dir)), { added: [], removed: [], changed: [] });
      });
    });
  }
});
