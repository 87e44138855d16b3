/** pyazure:webapp inside Yeoman (yeoman-test): options, team defaults and composition by `yo pyazure`. */
import { fileURLToPath } from 'node:url';
import helpers, { result } from 'yeoman-test';

const WEBAPP_GENERATOR = fileURLToPath(new URL('../../dist/generators/webapp/index.js', import.meta.url));
const APP_GENERATOR = fileURLToPath(new URL('../../dist/generators/app/index.js', import.meta.url));

const options = (values: Record<string, unknown>) => values as never;

describe('pyazure:webapp in Yeoman', function () {
  it('runs from options alone and saves the team defaults', async function () {
    await helpers.run(WEBAPP_GENERATOR, { namespace: 'pyazure:webapp' }).withArguments(['mysite']).withOptions(options({ interactive: false, framework: 'django' }));
    result.assertFile(['manage.py', 'mysite/wsgi.py', 'startup.sh', 'infra/main.bicep', 'azure.yaml']);
    result.assertNoFile(['web.config', '.github/workflows/deploy.yml']);
    // collectstatic and migrate run from the startup file only when asked.
    result.assertNoFileContent('startup.sh', 'manage.py');
    result.assertJsonFileContent('.yo-rc.json', { 'generator-pyazure': { framework: 'django', os: 'linux', python: '3.13', startupFile: 'startup.sh', ci: 'none' } });
  });

  it('reads team defaults from .yo-rc.json', async function () {
    await helpers
      .run(WEBAPP_GENERATOR, { namespace: 'pyazure:webapp' })
      .withYoRcConfig('generator-pyazure', { os: 'windows', handler: 'fastcgi', siteExtension: 'python364x64' })
      .withArguments(['shop', '--no-interactive']);
    result.assertFileContent('web.config', 'scriptProcessor="D:\\home\\python364x64\\python.exe|D:\\home\\python364x64\\wfastcgi.py"');
    result.assertFile(['static/web.config', 'azuredeploy.json']);
    result.assertNoFile(['startup.sh', 'runserver.py']);
  });

  it('asks for what was not given when interactive', async function () {
    await helpers
      .run(WEBAPP_GENERATOR, { namespace: 'pyazure:webapp' })
      .withOptions(options({ interactive: true }))
      .withAnswers({ name: 'shop', framework: 'flask', os: 'windows', handler: 'httpplatform' });
    result.assertFile(['app.py', 'shop/__init__.py', 'runserver.py', 'web.config']);
  });

  it('is offered by yo pyazure', async function () {
    await helpers
      .run(APP_GENERATOR, { namespace: 'pyazure:app' })
      .withGenerators([[WEBAPP_GENERATOR, { namespace: 'pyazure:webapp' }]])
      .withArguments(['shop'])
      .withOptions(options({ interactive: false, project: 'webapp' }));
    result.assertFile(['app.py', 'startup.sh']);
  });
});
