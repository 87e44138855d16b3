/** The generators inside Yeoman (yeoman-test): prompts, options, composition and storage. */
import { strict as assert } from 'node:assert';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import helpers, { result } from 'yeoman-test';
import { tempDir } from '../support/paths.js';

// The built generators, as the package ships them (`npm run build` runs before the tests).
const FUNCTION_GENERATOR = fileURLToPath(new URL('../../dist/generators/function/index.js', import.meta.url));
const APP_GENERATOR = fileURLToPath(new URL('../../dist/generators/app/index.js', import.meta.url));

/** Generator options beyond Yeoman's own types. */
const options = (values: Record<string, unknown>) => values as never;

describe('pyazure:function in Yeoman', function () {
  it('runs from options alone with --no-interactive', async function () {
    await helpers.run(FUNCTION_GENERATOR, { namespace: 'pyazure:function' }).withArguments(['HttpExample']).withOptions(options({ interactive: false, trigger: 'http' }));
    result.assertFile(['host.json', 'HttpExample/function.json', 'HttpExample/__init__.py', 'tests/test_httpexample.py', 'shared_code/greeting.py']);
    result.assertJsonFileContent('.yo-rc.json', { 'generator-pyazure': { model: 'v1', python: '3.12', authLevel: 'function' } });
  });

  it('accepts kebab-case flags as Yeoman parses them from a command line', async function () {
    await helpers
      .run(FUNCTION_GENERATOR, { namespace: 'pyazure:function' })
      .withArguments(['Hooks', '--trigger', 'http', '--auth-level', 'anonymous', '--methods', 'post', '--no-interactive']);
    result.assertJsonFileContent('Hooks/function.json', { bindings: [{ authLevel: 'anonymous', methods: ['post'] }] });
  });

  it('asks for what was not given when interactive, validating each answer', async function () {
    await helpers
      .run(FUNCTION_GENERATOR, { namespace: 'pyazure:function' })
      .withOptions(options({ interactive: true }))
      .withAnswers({ name: 'Ticker', trigger: 'timer', schedule: '0 0 * * * *', model: 'v1', python: '3.13' });
    result.assertJsonFileContent('Ticker/function.json', { bindings: [{ type: 'timerTrigger', schedule: '0 0 * * * *' }] });
    result.assertJsonFileContent('.yo-rc.json', { 'generator-pyazure': { python: '3.13' } });
    result.assertNoFile('HttpExample/function.json');
  });

  it('fails before writing anything when an answer is invalid', async function () {
    const folder = tempDir('invalid');
    try {
      await assert.rejects(
        helpers
          .run(FUNCTION_GENERATOR, { namespace: 'pyazure:function' })
          .inDir(folder)
          .withArguments(['Job'])
          .withOptions(options({ interactive: false, trigger: 'timer', schedule: '* * * * *' })),
        /--schedule "\* \* \* \* \*" has 5 fields/,
      );
      assert.deepEqual(readdirSync(folder), []);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads team defaults from .yo-rc.json', async function () {
    await helpers
      .run(FUNCTION_GENERATOR, { namespace: 'pyazure:function' })
      .withYoRcConfig('generator-pyazure', { authLevel: 'admin', python: '3.11' })
      .withArguments(['Admin'])
      .withOptions(options({ interactive: false }));
    result.assertJsonFileContent('Admin/function.json', { bindings: [{ authLevel: 'admin' }] });
    result.assertFileContent('README.md', /Python 3\.11/);
  });

  it('keeps a stored team default when one run gives another value', async function () {
    await helpers
      .run(FUNCTION_GENERATOR, { namespace: 'pyazure:function' })
      .withYoRcConfig('generator-pyazure', { authLevel: 'anonymous' })
      .withArguments(['Private'])
      .withOptions(options({ interactive: false, authLevel: 'admin', python: '3.13' }));
    result.assertJsonFileContent('Private/function.json', { bindings: [{ authLevel: 'admin' }] });
    result.assertJsonFileContent('.yo-rc.json', { 'generator-pyazure': { authLevel: 'anonymous', python: '3.13', model: 'v1' } });
  });
});

describe('pyazure:function in Yeoman, v2 and the trigger options', function () {
  it('asks the chosen trigger\'s own questions, with its defaults, and makes a v2 app', async function () {
    await helpers
      .run(FUNCTION_GENERATOR, { namespace: 'pyazure:function' })
      .withOptions(options({ interactive: true }))
      .withAnswers({ name: 'Orders', trigger: 'servicebus-queue', queueName: 'orders', connection: 'ServiceBusConnection', model: 'v2', python: '3.12', docker: true });
    result.assertFile(['function_app.py', 'functions/orders.py', 'tests/test_orders.py', 'Dockerfile', '.dockerignore']);
    result.assertNoFile('Orders/function.json');
    result.assertFileContent('functions/orders.py', /@bp\.service_bus_queue_trigger\(arg_name="msg", queue_name="orders", connection="ServiceBusConnection"\)/);
    result.assertJsonFileContent('.yo-rc.json', { 'generator-pyazure': { model: 'v2', docker: true } });
  });

  it('adds to a v2 app it finds, without being told the model', async function () {
    await helpers
      .run(FUNCTION_GENERATOR, { namespace: 'pyazure:function' })
      .withFiles({ 'host.json': '{"version": "2.0"}', 'function_app.py': 'import azure.functions as func\n\napp = func.FunctionApp()\n' })
      .withArguments(['Tick'])
      .withOptions(options({ interactive: false, trigger: 'timer' }));
    result.assertFile('functions/tick.py');
    result.assertFileContent('function_app.py', 'import azure.functions as func\nfrom functions import tick\n\napp = func.FunctionApp()\n\napp.register_functions(tick.bp)\n');
    result.assertNoFile('.yo-rc.json');
  });
});

describe('pyazure:app in Yeoman', function () {
  it('asks which project to create and composes that generator with the same command line', async function () {
    await helpers
      .run(APP_GENERATOR, { namespace: 'pyazure:app' })
      .withGenerators([[FUNCTION_GENERATOR, { namespace: 'pyazure:function' }]])
      .withArguments(['HttpExample', '--trigger', 'timer'])
      .withOptions(options({ interactive: true }))
      .withAnswers({ project: 'function', schedule: '0 15 * * * *', python: '3.12', model: 'v1' });
    result.assertJsonFileContent('HttpExample/function.json', { bindings: [{ type: 'timerTrigger', schedule: '0 15 * * * *' }] });
  });

  it('defaults to a Functions app without a terminal', async function () {
    await helpers
      .run(APP_GENERATOR, { namespace: 'pyazure:app' })
      .withGenerators([[FUNCTION_GENERATOR, { namespace: 'pyazure:function' }]])
      .withArguments(['Api', '--no-interactive']);
    result.assertFile(['host.json', 'Api/function.json']);
  });
});
