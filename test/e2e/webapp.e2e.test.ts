/**
 * The web app generator end to end: the published bin in temp folders; each generated project
 * installed from PyPI, its own tests run, and then started the way App Service starts it: the
 * startup file with gunicorn on Linux, the web.config's FastCGI handler or HttpPlatformHandler
 * process on Windows, answering requests shaped like the front end's.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { assertOneLineFailure, checkGeneratedFiles } from '../support/checks.js';
import { freePort, httpGet, startProcess, waitForHttp } from '../support/http.js';
import { appSettingsOf, httpPlatformProcess, localPath, serveThroughWebConfig } from '../support/iis.js';
import { tempDir } from '../support/paths.js';
import { compilePython, installProject, PYTHON, runPytest } from '../support/python.js';
import { checkQuality } from '../support/quality.js';
import { pyazure, runOk } from '../support/run.js';
import { assertValid } from '../support/schemas.js';
import { readTree } from '../support/tree.js';
import { childElements, descendants, parseXml } from '../support/xml.js';

const HOSTNAME = 'contoso-web.azurewebsites.net';
/** What App Service gives the app: its host name and the SECRET_KEY app setting. */
const PLATFORM_ENVIRONMENT = { WEBSITE_HOSTNAME: HOSTNAME, SECRET_KEY: `e2e-${'Vq8!mZ2#kR7@pX4$wN9%tB6^yH3&'.repeat(2)}` };
/** A request as the App Service front end forwards it: TLS ended, original scheme in a header. */
const FRONT_END_HEADERS = { Host: HOSTNAME, 'X-Forwarded-Proto': 'https' };
const SITE_ROOT = 'D:\\home\\site\\wwwroot';

type Framework = 'flask' | 'django';

interface Case {
  framework: Framework;
  os: 'linux' | 'windows';
  handler?: 'fastcgi' | 'httpplatform';
  extraArgs: string[];
}

const CASES: Case[] = [
  { framework: 'flask', os: 'linux', extraArgs: ['--ci', 'github', '--workers', '3', '--threads', '2', '--timeout', '200'] },
  { framework: 'django', os: 'linux', extraArgs: ['--ci', 'github', '--migrate', '--startup-file', 'boot.sh'] },
  { framework: 'flask', os: 'windows', handler: 'fastcgi', extraArgs: [] },
  { framework: 'django', os: 'windows', handler: 'fastcgi', extraArgs: ['--site-extension', 'python364x64'] },
  { framework: 'flask', os: 'windows', handler: 'httpplatform', extraArgs: [] },
  { framework: 'django', os: 'windows', handler: 'httpplatform', extraArgs: [] },
];


describe('pyazure webapp (end to end)', function () {
  const root = tempDir('webapp');
  /** One venv per framework; every project still runs its own pip install -r requirements.txt into it. */
  const venvs = new Map<Framework, string>();
  after(() => rmSync(root, { recursive: true, force: true }));

  function sharedVenv(framework: Framework): string {
    let venv = venvs.get(framework);
    if (!venv) {
      venv = join(root, `venv-${framework}`);
      runOk(PYTHON, ['-m', 'venv', venv]);
      venvs.set(framework, venv);
    }
    return venv;
  }

  for (const testCase of CASES) {
    const label = `${testCase.framework} on ${testCase.os}${testCase.handler ? `/${testCase.handler}` : ''}`;
    describe(label, function () {
      const project = join(root, `${testCase.framework}-${testCase.os}-${testCase.handler ?? 'gunicorn'}`);
      const name = testCase.framework === 'flask' ? 'shop' : 'mysite';
      let tree: Map<string, string>;
      let python: string;

      before(function () {
        mkdirSync(project);
        const args = ['webapp', name, '--framework', testCase.framework, '--os', testCase.os, ...(testCase.handler ? ['--handler', testCase.handler] : []), ...testCase.extraArgs];
        const result = pyazure(args, project);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /Created the (Flask|Django) web app/);
        tree = readTree(project);
        symlinkSync(sharedVenv(testCase.framework), join(project, '.venv'));
      });

      it('writes files without template leftovers, with valid JSON', function () {
        checkGeneratedFiles(tree);
        const requirements = tree.get('requirements.txt')!;
        assert.match(requirements, testCase.framework === 'flask' ? /^Flask/m : /^Django>=.*\nwhitenoise/m);
        assert.equal(/^gunicorn/m.test(requirements), testCase.os === 'linux');
        assert.equal(/^waitress/m.test(requirements), testCase.handler === 'httpplatform');
        assert.ok(!tree.has('.venv'), 'no venv in the generated project');
      });

      it('installs from PyPI, compiles, passes its own tests and the quality gates', function () {
        python = installProject(project);
        compilePython(python, project, [...tree.keys()].filter((path) => path.endsWith('.py')));
        const outcome = runPytest(project);
        assert.ok(outcome.passed >= 5, outcome.stdout);
        checkQuality(python, project);
      });

      if (testCase.framework === 'django') {
        it('passes manage.py check --deploy under production settings with no warnings', function () {
          const result = runOk(python, ['manage.py', 'check', '--deploy'], { cwd: project, env: { ...process.env, ...PLATFORM_ENVIRONMENT } });
          assert.match(result.stdout + result.stderr, /System check identified no issues \(0 silenced\)/);
          assert.doesNotMatch(result.stderr, /WARNING/);
        });

        it('runs collectstatic as the platform build does', function () {
          runOk(python, ['manage.py', 'collectstatic', '--noinput'], { cwd: project, env: { ...process.env, ...PLATFORM_ENVIRONMENT } });
        });
      }

      if (testCase.os === 'linux') defineLinuxChecks();
      else defineWindowsChecks();

      function defineLinuxChecks(): void {
        const startupFile = testCase.extraArgs.includes('--startup-file') ? testCase.extraArgs[testCase.extraArgs.indexOf('--startup-file') + 1]! : 'startup.sh';

        it('has a startup file with LF endings ending in exec gunicorn, and .gitattributes forcing LF', function () {
          const script = tree.get(startupFile)!;
          assert.ok(!script.includes('\r'), 'CR in the startup file');
          const lines = script.trimEnd().split('\n');
          const exec = lines.slice(lines.findIndex((line) => line.startsWith('exec gunicorn'))).join('\n');
          assert.match(exec, /^exec gunicorn/);
          assert.match(exec, /--bind "0\.0\.0\.0:\$\{PORT:-8000\}"/);
          assert.match(exec, /--access-logfile - \\\n\s+--error-logfile -/);
          const timeout = Number(/--timeout (\d+)/.exec(exec)![1]);
          assert.ok(timeout > 0 && timeout <= 230, `timeout ${timeout}`);
          if (testCase.framework === 'flask') {
            assert.match(exec, /WEB_CONCURRENCY:-3\}/);
            assert.match(exec, /PYTHON_GUNICORN_THREADS:-2\}/);
            assert.equal(timeout, 200);
            assert.match(exec, / app:app$/);
          } else {
            assert.match(script, /^python manage\.py migrate --noinput$/m);
            assert.doesNotMatch(script, /collectstatic/);
            assert.match(exec, / mysite\.wsgi:application$/);
          }
          assert.equal(runOk('bash', ['-n', join(project, startupFile)]).code, 0);
          assert.match(tree.get('.gitattributes')!, /^\*\.sh text eol=lf$/m);
        });

        it('keeps the layout the platform auto-detects', function () {
          if (testCase.framework === 'flask') {
            assert.match(tree.get('app.py')!, /^app = create_app\(\)$/m);
          } else {
            // The first subfolder (alphabetically) with wsgi.py is the Django project.
            const withWsgi = [...tree.keys()].filter((path) => /^[^/]+\/wsgi\.py$/.test(path)).map(dirname).sort();
            assert.deepEqual(withWsgi, ['mysite']);
            assert.ok(tree.has('manage.py'));
          }
        });

        it('starts with the startup file as App Service does and answers the front end', async function () {
          const port = await freePort();
          const bin = join(project, '.venv', 'bin');
          const server = startProcess('bash', [startupFile], {
            cwd: project,
            env: { ...process.env, ...PLATFORM_ENVIRONMENT, PORT: String(port), PATH: `${bin}${delimiter}${process.env.PATH}`, VIRTUAL_ENV: join(project, '.venv') },
          });
          try {
            const page = await waitForHttp(server, port, '/', FRONT_END_HEADERS);
            assert.equal(page.status, 200, page.body);
            assert.match(page.body, /<code>https<\/code>/);
            const health = await httpGet(port, '/health', FRONT_END_HEADERS);
            assert.equal(health.status, 200);
            assert.deepEqual(JSON.parse(health.body), { status: 'ok' });
            if (testCase.framework === 'django') {
              // Production settings are active: a plain-HTTP request is redirected, a foreign host refused.
              const plain = await httpGet(port, '/', { Host: HOSTNAME });
              assert.equal(plain.status, 301);
              assert.equal(plain.headers.location, `https://${HOSTNAME}/`);
              assert.equal((await httpGet(port, '/', { Host: 'evil.example', 'X-Forwarded-Proto': 'https' })).status, 400);
              const stylesheet = /href="(\/static\/site\.[0-9a-f]+\.css)"/.exec(page.body);
              assert.ok(stylesheet, page.body);
              assert.equal((await httpGet(port, stylesheet[1]!, FRONT_END_HEADERS)).status, 200);
            } else {
              assert.equal((await httpGet(port, '/static/site.css', FRONT_END_HEADERS)).status, 200);
            }
          } finally {
            const code = await server.stop('SIGTERM');
            assert.equal(code, 0, server.output());
          }
          assert.match(server.output(), /Listening at: http:\/\/0\.0\.0\.0:\d+/);
          assert.match(server.output(), /"GET \/health HTTP\/1\.1" 200/);
        });

        it('has infrastructure and a workflow that parse, with the settings the platform needs', function () {
          const azureYaml = parseYaml(tree.get('azure.yaml')!) as { name: string; services: Record<string, Record<string, string>> };
          assert.deepEqual(azureYaml.services.web, { project: '.', language: 'python', host: 'appservice' });
          const parameters = JSON.parse(tree.get('infra/main.parameters.json')!) as { parameters: Record<string, unknown> };
          assert.ok('environmentName' in parameters.parameters && 'location' in parameters.parameters);

          // No Bicep compiler is available here: the files are checked as text.
          const main = tree.get('infra/main.bicep')!;
          assert.match(main, /^targetScope = 'subscription'$/m);
          assert.match(main, /^module web 'web\.bicep' = \{$/m);
          const web = tree.get('infra/web.bicep')!;
          assert.match(web, /resource plan 'Microsoft\.Web\/serverfarms@[\d-]+' = \{[^]*?kind: 'linux'[^]*?reserved: true/);
          assert.match(web, /resource site 'Microsoft\.Web\/sites@[\d-]+' = \{[^]*?kind: 'app,linux'/);
          assert.match(web, /'azd-service-name': 'web'/);
          assert.match(web, /linuxFxVersion: 'PYTHON\|3\.13'/);
          assert.match(web, new RegExp(`appCommandLine: '${startupFile.replace('.', '\\.')}'`));
          assert.match(web, /httpsOnly: true/);
          assert.match(web, /minTlsVersion: '1\.2'/);
          assert.match(web, /ftpsState: 'Disabled'/);
          assert.match(web, /resource appSettings 'config' = \{\s+name: 'appsettings'[^]*?SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'/);
          for (const text of [main, web]) {
            let depth = 0;
            for (const ch of text) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
            assert.equal(depth, 0, 'unbalanced braces in Bicep');
          }
          assert.equal(/secretKey/.test(web), testCase.framework === 'django');

          const workflow = parseYaml(tree.get('.github/workflows/deploy.yml')!);
          assertValid('github-workflow', workflow, 'deploy.yml');
          const steps = (workflow as { jobs: { deploy: { steps: Array<{ uses?: string }>; permissions: Record<string, string> } } }).jobs.deploy;
          assert.deepEqual(
            steps.steps.map((step) => step.uses).filter(Boolean),
            ['actions/checkout@v4', 'azure/login@v2', 'azure/webapps-deploy@v3'],
          );
          assert.equal(steps.permissions['id-token'], 'write');
        });
      }

      function defineWindowsChecks(): void {
        const extension = testCase.extraArgs.includes('--site-extension') ? 'python364x64' : 'python3111x64';

        it('writes a well-formed web.config for the chosen handler and site extension', function () {
          const document = parseXml(tree.get('web.config')!, 'web.config');
          const handlers = descendants(document, 'handlers')[0]!;
          const [python] = childElements(handlers, 'add');
          assert.equal(python!.getAttribute('name'), 'PythonHandler');
          assert.equal(python!.getAttribute('path'), '*');
          assert.equal(python!.getAttribute('verb'), '*');
          if (testCase.handler === 'fastcgi') {
            assert.equal(python!.getAttribute('modules'), 'FastCgiModule');
            assert.equal(python!.getAttribute('scriptProcessor'), `D:\\home\\${extension}\\python.exe|D:\\home\\${extension}\\wfastcgi.py`);
            assert.equal(python!.getAttribute('resourceType'), 'Unspecified');
            assert.equal(python!.getAttribute('requireAccess'), 'Script');
            const settings = appSettingsOf(tree.get('web.config')!);
            assert.ok(settings.PYTHONPATH!.split(';').includes(SITE_ROOT));
            assert.equal(settings.WSGI_LOG, 'D:\\home\\LogFiles\\wfastcgi.log');
            if (testCase.framework === 'flask') {
              assert.equal(settings.WSGI_HANDLER, 'app.app');
            } else {
              assert.equal(settings.WSGI_HANDLER, 'django.core.wsgi.get_wsgi_application()');
              assert.equal(settings.DJANGO_SETTINGS_MODULE, 'mysite.settings.production');
            }
            assert.ok(!tree.has('runserver.py'));
          } else {
            assert.equal(python!.getAttribute('modules'), 'httpPlatformHandler');
            const platform = descendants(document, 'httpPlatform')[0]!;
            assert.equal(platform.getAttribute('processPath'), `D:\\home\\${extension}\\python.exe`);
            assert.equal(platform.getAttribute('arguments'), `${SITE_ROOT}\\runserver.py --port %HTTP_PLATFORM_PORT%`);
            assert.equal(platform.getAttribute('stdoutLogEnabled'), 'true');
            assert.equal(platform.getAttribute('stdoutLogFile'), 'D:\\home\\LogFiles\\python.log');
            assert.equal(httpPlatformProcess(tree.get('web.config')!, 1234).environment.SERVER_PORT, '1234');
          }
          if (testCase.framework === 'flask') {
            const staticConfig = parseXml(tree.get('static/web.config')!, 'static/web.config');
            assert.deepEqual(descendants(staticConfig, 'remove').map((element) => element.getAttribute('name')), ['PythonHandler']);
          } else {
            assert.ok(!tree.has('static/web.config'), 'Django static files are served by WhiteNoise');
          }
          assert.match(tree.get('README.md')!, /no longer supports Python on Windows App Service/);
        });

        it('has an ARM template with the site and its site extension', function () {
          const template = JSON.parse(tree.get('azuredeploy.json')!) as { resources: Array<Record<string, unknown>> };
          const plan = template.resources.find((resource) => resource.type === 'Microsoft.Web/serverfarms')!;
          assert.deepEqual(plan.properties, { reserved: false });
          const site = template.resources.find((resource) => resource.type === 'Microsoft.Web/sites')! as { properties: Record<string, unknown>; resources: Array<Record<string, unknown>> };
          assert.equal(site.properties.httpsOnly, true);
          assert.deepEqual(site.resources.map((resource) => [resource.type, resource.name, resource.dependsOn]), [
            ['siteextensions', extension, ["[resourceId('Microsoft.Web/sites', parameters('siteName'))]"]],
          ]);
        });

        if (testCase.handler === 'fastcgi') {
          it('serves a request through WSGI_HANDLER resolved as wfastcgi resolves it', function () {
            const response = serveThroughWebConfig(python, tree.get('web.config')!, {
              siteRoot: SITE_ROOT,
              localRoot: project,
              platformEnvironment: PLATFORM_ENVIRONMENT,
              headers: FRONT_END_HEADERS,
            });
            assert.equal(response.status, 200, response.body);
            assert.match(response.body, /<code>https<\/code>/);
          });
        } else {
          it('starts the <httpPlatform> process on the port IIS gives it and answers', async function () {
            const port = await freePort();
            const process_ = httpPlatformProcess(tree.get('web.config')!, port);
            const environment = Object.fromEntries(Object.entries(process_.environment).map(([key, value]) => [key, localPath(value, SITE_ROOT, project)]));
            const server = startProcess(python, process_.arguments.map((argument) => localPath(argument, SITE_ROOT, project)), {
              cwd: project,
              env: { ...process.env, ...PLATFORM_ENVIRONMENT, ...environment },
            });
            try {
              const page = await waitForHttp(server, port, '/', FRONT_END_HEADERS);
              assert.equal(page.status, 200, page.body);
              // The scheme the front end saw reaches the app through IIS's forwarding.
              assert.match(page.body, /<code>https<\/code>/);
              assert.equal((await httpGet(port, '/health', FRONT_END_HEADERS)).status, 200);
            } finally {
              await server.stop('SIGTERM');
            }
          });
        }
      }
    });
  }

  it('is offered by pyazure app, which passes the options on', function () {
    const folder = join(root, 'composed');
    mkdirSync(folder);
    const result = pyazure(['app', '--project', 'webapp', 'shop', '--framework', 'django', '--os', 'windows'], folder);
    assert.equal(result.code, 0, result.stderr);
    const tree = readTree(folder);
    assert.ok(tree.has('shop/wsgi.py') && tree.has('web.config') && tree.has('runserver.py'), [...tree.keys()].join(', '));
  });

  describe('refusals', function () {
    const attempt = (args: string[], pattern: RegExp) => {
      const folder = tempDir('webapp-bad');
      try {
        assertOneLineFailure(pyazure(['webapp', ...args], folder), pattern);
        assert.deepEqual(readdirSync(folder), []);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    };

    it('refuses a package name that shadows a module', () => attempt(['flask'], /^pyazure: Web app name "flask" would shadow the Python module or folder "flask".*for example "flask_site"\.$/));
    it('refuses a name that is not a package name', () => attempt(['My-Site'], /Web app name "My-Site" is not a valid Python package name.*for example "mysite"/));
    it('refuses a timeout beyond the front end limit', () => attempt(['mysite', '--timeout', '300'], /--timeout "300" must be a whole number from 1 to 230; for example "120"\./));
    it('refuses a malformed site extension id', () => attempt(['mysite', '--os', 'windows', '--site-extension', 'python-3.11'], /--site-extension "python-3\.11" is not a Python site extension id/));
    it('refuses Linux options on Windows', () => attempt(['mysite', '--os', 'windows', '--startup-file', 'boot.sh'], /--startup-file "boot\.sh" does not apply here: it is used only with --os linux; for example "--os linux --startup-file boot\.sh"\./));
    it('refuses a startup file that is not a .sh file', () => attempt(['mysite', '--startup-file', 'start.cmd'], /--startup-file "start\.cmd" must be a file name in the app root ending in \.sh/));
  });
});
