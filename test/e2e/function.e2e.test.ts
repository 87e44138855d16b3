/**
 * The function generator end to end: the published bin in temp folders, then the generated app
 * installed from PyPI into a venv and its own tests run.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertOneLineFailure, checkGeneratedFiles } from '../support/checks.js';
import { tempFolders } from '../support/paths.js';
import { compilePython, installProject, runPytest } from '../support/python.js';
import { pyazure, runOk } from '../support/run.js';
import { diffTrees, readTree } from '../support/tree.js';

const json = (tree: Map<string, string>, path: string) => JSON.parse(tree.get(path) ?? 'null');

/** The files of SPEC §3.1 for a new v1 app with one function. */
function expectedNewAppFiles(functionName: string, sharedModule: string): string[] {
  return [
    '.funcignore', '.gitignore', '.vscode/extensions.json', '.vscode/launch.json', '.vscode/settings.json', '.vscode/tasks.json',
    '.yo-rc.json', `${functionName}/__init__.py`, `${functionName}/function.json`, 'README.md', 'host.json', 'local.settings.json',
    'pyproject.toml', 'requirements-dev.txt', 'requirements.txt', 'shared_code/__init__.py', `shared_code/${sharedModule}`,
    'tests/conftest.py', `tests/test_${functionName.toLowerCase()}.py`,
  ].sort();
}


describe('pyazure function (end to end)', function () {
  const newFolder = tempFolders();

  describe('a new app with an HTTP function, then a timer function added to it', function () {
    let app: string;

    before(function () {
      app = join(newFolder('http'), 'orders-app');
      mkdirSync(app);
    });

    it('creates the whole project in an empty folder', function () {
      const result = pyazure(['function', 'HttpExample', '--trigger', 'http'], app);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Created the Functions app orders-app \(model v1\) with the http function HttpExample/);
      const tree = readTree(app);
      assert.deepEqual([...tree.keys()].sort(), expectedNewAppFiles('HttpExample', 'greeting.py'));
      checkGeneratedFiles(tree);
      assert.deepEqual(json(tree, 'HttpExample/function.json'), {
        scriptFile: '__init__.py',
        bindings: [
          { type: 'httpTrigger', direction: 'in', name: 'req', authLevel: 'function', methods: ['get', 'post'] },
          { type: 'http', direction: 'out', name: '$return' },
        ],
      });
      assert.deepEqual(json(tree, 'local.settings.json'), {
        IsEncrypted: false,
        Values: { FUNCTIONS_WORKER_RUNTIME: 'python', AzureWebJobsStorage: 'UseDevelopmentStorage=true' },
      });
      assert.equal(json(tree, 'host.json').extensionBundle.version, '[4.*, 5.0.0)');
      assert.deepEqual(json(tree, '.yo-rc.json'), { 'generator-pyazure': { model: 'v1', python: '3.12', docker: false, authLevel: 'function' } });
      assert.match(tree.get('requirements.txt')!, /^azure-functions$/m);
      assert.doesNotMatch(tree.get('requirements.txt')!, /azure-functions-worker$/m);
      for (const ignored of ['.gitignore', '.funcignore']) assert.match(tree.get(ignored)!, /^local\.settings\.json$/m, ignored);
      assert.match(tree.get('.funcignore')!, /^tests$/m);
      assert.match(tree.get('HttpExample/__init__.py')!, /^from shared_code import greeting$/m);
    });

    it('installs from PyPI, compiles, and passes its own tests', function () {
      const python = installProject(app);
      compilePython(python, app, [...readTree(app).keys()].filter((path) => path.endsWith('.py')));
      const outcome = runPytest(app);
      assert.ok(outcome.passed >= 4, outcome.stdout);
    });

    it('adds a timer function and its test, changing nothing else', function () {
      const before = readTree(app);
      const result = pyazure(['function', 'Nightly', '--trigger', 'timer', '--schedule', '0 30 2 * * *'], app);
      assert.equal(result.code, 0, result.stderr);
      const after = readTree(app);
      const diff = diffTrees(before, after);
      assert.deepEqual(diff, {
        added: ['Nightly/__init__.py', 'Nightly/function.json', 'shared_code/clock.py', 'tests/test_nightly.py'],
        removed: [],
        changed: [],
      });
      checkGeneratedFiles(after);
      assert.deepEqual(json(after, 'Nightly/function.json').bindings, [
        { type: 'timerTrigger', direction: 'in', name: 'mytimer', schedule: '0 30 2 * * *' },
      ]);
      const outcome = runPytest(app);
      assert.ok(outcome.passed >= 6, outcome.stdout);
    });

    it('refuses a name that exists in another case, and changes nothing', function () {
      const before = readTree(app);
      assertOneLineFailure(pyazure(['function', 'httpEXAMPLE', '--trigger', 'timer'], app), /"httpEXAMPLE" is taken: the app already has a function "HttpExample"/);
      assert.deepEqual(diffTrees(before, readTree(app)), { added: [], removed: [], changed: [] });
    });

    it('keeps a project-level option fixed once the app exists', function () {
      assertOneLineFailure(pyazure(['function', 'Other', '--python', '3.11'], app), /--python "3\.11" conflicts with this project, which uses "3\.12"/);
    });
  });

  it('refuses an invalid name with one line, a non-zero exit and nothing written', function () {
    const folder = newFolder('bad');
    const result = pyazure(['function', '1bad', '--trigger', 'http'], folder);
    assertOneLineFailure(result, /^pyazure: Function name "1bad" is not a valid function name: .*for example "HttpExample"\.$/);
    assert.equal(result.code, 2);
    assert.deepEqual(readdirSync(folder), []);
  });

  it('writes the HTTP options into function.json, and the generated tests follow them', function () {
    const folder = newFolder('http-options');
    const result = pyazure(['function', 'Orders', '--trigger', 'http', '--auth-level', 'anonymous', '--methods', 'post,put', '--route', 'orders/{id:int}', '--python', '3.13'], folder);
    assert.equal(result.code, 0, result.stderr);
    const tree = readTree(folder);
    checkGeneratedFiles(tree);
    assert.deepEqual(json(tree, 'Orders/function.json').bindings[0], {
      type: 'httpTrigger', direction: 'in', name: 'req', authLevel: 'anonymous', methods: ['post', 'put'], route: 'orders/{id:int}',
    });
    assert.equal(json(tree, '.yo-rc.json')['generator-pyazure'].python, '3.13');
    assert.match(tree.get('README.md')!, /Python 3\.13/);
    // As the generated README says: the dev requirements, which include requirements.txt.
    const python = installProject(folder, ['-r', 'requirements-dev.txt']);
    runOk(python, ['-c', 'import tomllib; tomllib.load(open("pyproject.toml", "rb"))'], { cwd: folder });
    assert.ok(runPytest(folder).passed >= 3);
  });

  it('creates a timer app with run-on-startup', function () {
    const folder = newFolder('timer');
    assert.equal(pyazure(['function', 'Ticker', '--trigger', 'timer', '--run-on-startup'], folder).code, 0);
    const tree = readTree(folder);
    checkGeneratedFiles(tree);
    assert.deepEqual(json(tree, 'Ticker/function.json').bindings, [
      { type: 'timerTrigger', direction: 'in', name: 'mytimer', schedule: '0 */5 * * * *', runOnStartup: true },
    ]);
    installProject(folder);
    assert.equal(runPytest(folder).passed, 2);
  });

  it('adds to an app made by Core Tools without disturbing its files', function () {
    const folder = newFolder('core-tools');
    const coreTools: Record<string, string> = {
      'host.json': '{\n    "version": "2.0",\n    "extensionBundle": {\n        "id": "Microsoft.Azure.Functions.ExtensionBundle",\n        "version": "[4.*, 5.0.0)"\n    }\n}',
      'local.settings.json': '{\n    "IsEncrypted": false,\n    "Values": {\n        "FUNCTIONS_WORKER_RUNTIME": "python",\n        "AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=mine",\n        "MY_SETTING": "kept"\n    }\n}',
      'requirements.txt': '# DO NOT include azure-functions-worker in this file\n\nazure-functions\nrequests==2.32.3\n',
      '.gitignore': 'bin\nobj\nlocal.settings.json\n.venv\n',
      '.funcignore': '.git*\n.vscode\nlocal.settings.json\ntest\n.venv\n',
      '.vscode/extensions.json': '{\n  "recommendations": ["ms-azuretools.vscode-azurefunctions", "ms-python.python"]\n}\n',
    };
    for (const [path, contents] of Object.entries(coreTools)) {
      mkdirSync(join(folder, path, '..'), { recursive: true });
      writeFileSync(join(folder, path), contents);
    }
    const before = readTree(folder);
    const result = pyazure(['function', 'HttpExample', '--trigger', 'http'], folder);
    assert.equal(result.code, 0, result.stderr);
    const after = readTree(folder);
    const diff = diffTrees(before, after);
    assert.deepEqual(diff.changed, [], 'no file of the Core Tools app may change');
    assert.deepEqual(diff.removed, []);
    assert.ok(!diff.added.includes('.yo-rc.json'), 'adding to an app writes no .yo-rc.json');
    for (const path of ['HttpExample/__init__.py', 'HttpExample/function.json', 'tests/test_httpexample.py', 'tests/conftest.py', 'shared_code/__init__.py', 'shared_code/greeting.py']) {
      assert.ok(diff.added.includes(path), `${path} was not added`);
    }
    checkGeneratedFiles(after);
    installProject(folder);
    assert.ok(runPytest(folder).passed >= 4);
  });

  it('uses .yo-rc.json team defaults when the options do not say otherwise', function () {
    const folder = newFolder('team');
    writeFileSync(join(folder, '.yo-rc.json'), JSON.stringify({ 'generator-pyazure': { authLevel: 'anonymous', python: '3.11' } }));
    assert.equal(pyazure(['function', 'Public', '--trigger', 'http'], folder).code, 0);
    assert.equal(pyazure(['function', 'Private', '--trigger', 'http', '--auth-level', 'admin'], folder).code, 0);
    const tree = readTree(folder);
    assert.equal(json(tree, 'Public/function.json').bindings[0].authLevel, 'anonymous');
    assert.equal(json(tree, 'Private/function.json').bindings[0].authLevel, 'admin');
    assert.match(tree.get('README.md')!, /Python 3\.11/);
  });

  it('stops before writing when a file it would create exists with other contents, and overwrites it with --force', function () {
    const folder = newFolder('conflict');
    writeFileSync(join(folder, 'README.md'), '# my notes\n');
    const refused = pyazure(['function', 'HttpExample'], folder);
    assertOneLineFailure(refused, /Not overwriting 1 existing file that differ[s]? from what would be written: README\.md\. .*--force/);
    assert.deepEqual(readdirSync(folder), ['README.md']);
    const forced = pyazure(['function', 'HttpExample', '--force'], folder);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readTree(folder).get('README.md')!, /Azure Functions app/);
  });
});
