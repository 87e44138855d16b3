/** The cloud service and role generators inside Yeoman (yeoman-test): options, prompts, storage. */
import { strict as assert } from 'node:assert';
import { fileURLToPath } from 'node:url';
import helpers, { result } from 'yeoman-test';

const CLOUDSERVICE_GENERATOR = fileURLToPath(new URL('../../dist/generators/cloudservice/index.js', import.meta.url));
const ROLE_GENERATOR = fileURLToPath(new URL('../../dist/generators/role/index.js', import.meta.url));

/** Generator options beyond Yeoman's own types. */
const options = (values: Record<string, unknown>) => values as never;

describe('pyazure:cloudservice and pyazure:role in Yeoman', function () {
  it('parses --no-web-role from a command line and stores the pinned Python release', async function () {
    await helpers
      .run(CLOUDSERVICE_GENERATOR, { namespace: 'pyazure:cloudservice' })
      .withArguments(['orders', '--no-web-role', '--worker-role', 'Jobs', '--python', '3.11.9', '--no-interactive']);
    result.assertFile(['ServiceDefinition.csdef', 'Jobs/worker.py', 'Jobs/bin/LaunchWorker.ps1']);
    result.assertNoFile('WebRole1/web.config');
    result.assertFileContent('Jobs/bin/Common.ps1', /^\$PythonRelease = '3\.11\.9'$/m);
    result.assertJsonFileContent('.yo-rc.json', { 'generator-pyazure': { python: '3.11.9' } });
  });

  it('asks for what was not given when interactive', async function () {
    await helpers
      .run(CLOUDSERVICE_GENERATOR, { namespace: 'pyazure:cloudservice' })
      .withOptions(options({ interactive: true }))
      .withAnswers({ name: 'shop', webRole: 'Storefront', framework: 'django', workerRole: 'Mailer', extendedSupport: false, python: '3.12.10' });
    result.assertFileContent('ServiceDefinition.csdef', /<WebRole name="Storefront" vmsize="Small">/);
    result.assertFileContent('ServiceDefinition.csdef', /<WorkerRole name="Mailer" vmsize="Small">/);
    result.assertFile(['Storefront/manage.py', 'Storefront/web.config']);
  });

  it('adds a role with the service\'s Python release, whatever --python says', async function () {
    const run = await helpers
      .run(CLOUDSERVICE_GENERATOR, { namespace: 'pyazure:cloudservice' })
      .withArguments(['orders', '--no-web-role', '--python', '3.11.9', '--no-interactive']);
    await run
      .create(ROLE_GENERATOR, { namespace: 'pyazure:role' }, { cwd: run.cwd })
      .withArguments(['Frontend', '--type', 'web', '--no-interactive'])
      .run();
    result.assertFileContent('Frontend/bin/Common.ps1', /^\$PythonRelease = '3\.11\.9'$/m);
    result.assertFileContent('ServiceDefinition.csdef', /<WebRole name="Frontend" vmsize="Small">/);
    await assert.rejects(
      run.create(ROLE_GENERATOR, { namespace: 'pyazure:role' }, { cwd: run.cwd }).withArguments(['Other', '--type', 'worker', '--python', '3.12.10', '--no-interactive']).run(),
      /--python "3\.12\.10" conflicts with this project, which uses "3\.11\.9"/,
    );
  });
});
