import { strict as assert } from 'node:assert';
import { checkSiteExtension, checkWebAppName } from '../../src/lib/naming.js';
import { frameworkById, planAppFiles, renderStaticWebConfig, renderWebConfig, requirementsFor, windowsArgument } from '../../src/lib/webapp/index.js';
import { planWebApp } from '../../src/lib/webapp/plan.js';
import { appSettingsOf, httpPlatformProcess, localPath } from '../support/iis.js';
import { memoryProject } from '../support/memory-project.js';
import { parseXml } from '../support/xml.js';

describe('web app core', function () {
  it('escapes every web.config value so that it reads back exactly', function () {
    const tricky = 'C:\\Role & "Co" <x> \'y\'';
    const fastcgi = renderWebConfig({
      handler: 'fastcgi',
      pythonExe: `${tricky}\\python.exe`,
      wfastcgiPath: `${tricky}\\wfastcgi.py`,
      siteRoot: tricky,
      wsgiHandler: 'app.app',
      wsgiLog: `${tricky}\\log`,
      appSettings: { GREETING: tricky },
    });
    parseXml(fastcgi);
    assert.deepEqual(appSettingsOf(fastcgi), { PYTHONPATH: tricky, WSGI_HANDLER: 'app.app', WSGI_LOG: `${tricky}\\log`, GREETING: tricky });

    const platform = renderWebConfig({
      handler: 'httpplatform',
      pythonExe: 'E:\\approot\\python.exe',
      siteRoot: 'E:\\site root',
      arguments: ['E:\\site root\\runserver.py', '--port', '%HTTP_PLATFORM_PORT%'],
      stdoutLogFile: 'E:\\logs\\python.log',
      appSettings: { DJANGO_SETTINGS_MODULE: 'mysite.settings.production' },
    });
    const process = httpPlatformProcess(platform, 8123);
    assert.deepEqual(process.arguments, ['E:\\site root\\runserver.py', '--port', '8123']);
    assert.deepEqual(process.environment, { SERVER_PORT: '8123', PYTHONPATH: 'E:\\site root', DJANGO_SETTINGS_MODULE: 'mysite.settings.production' });
    parseXml(renderStaticWebConfig());
  });

  it('quotes Windows arguments with spaces and refuses double quotes', function () {
    assert.equal(windowsArgument('a b'), '"a b"');
    assert.equal(windowsArgument('plain'), 'plain');
    assert.throws(() => windowsArgument('a"b'), /double quote/);
  });

  it('maps site-root paths to a local folder, case-insensitively, and leaves others alone', function () {
    assert.equal(localPath('D:\\HOME\\site\\wwwroot\\runserver.py', 'D:\\home\\site\\wwwroot', '/tmp/p'), '/tmp/p/runserver.py');
    assert.equal(localPath('--port', 'D:\\home\\site\\wwwroot', '/tmp/p'), '--port');
  });

  it('plans the application under a base folder with the servers its requirements need', function () {
    const django = frameworkById('django');
    const files = planAppFiles(django, 'mysite', { baseDir: 'WebRole1', servers: ['waitress'] });
    const paths = files.map((file) => file.path);
    assert.ok(paths.every((path) => path.startsWith('WebRole1/')), paths.join(', '));
    assert.ok(paths.includes('WebRole1/mysite/wsgi.py') && paths.includes('WebRole1/manage.py') && paths.includes('WebRole1/static/site.css'));
    assert.ok(!paths.some((path) => path.includes('__package__')));
    assert.equal(files.find((file) => file.path === 'WebRole1/requirements.txt')!.contents, 'Django>=5.2,<6.1\nwhitenoise>=6.8,<7\nwaitress>=3,<4\n');
    assert.equal(requirementsFor(frameworkById('flask'), ['wfastcgi']), 'Flask>=3.1,<4\n');
  });

  it('checks app package names and site extension ids', function () {
    assert.equal(checkWebAppName('mysite'), undefined);
    for (const bad of ['MySite', '1site', 'class', 'json', 'app', 'Pages', 'my-site']) assert.ok(checkWebAppName(bad), bad);
    for (const good of ['python361x64', 'python3111x64', 'python364x86']) assert.equal(checkSiteExtension(good), undefined, good);
    for (const bad of ['python27x64', 'Python361x64', 'python3111', 'python3111arm64']) assert.ok(checkSiteExtension(bad), bad);
  });

  it('refuses a package name that differs only in case from an entry of the folder, and plans beside the same name', function () {
    const answers = { name: 'mysite', framework: 'flask', os: 'linux', python: '3.13', workers: '2', threads: '4', timeout: '120', startupFile: 'startup.sh', ci: 'none' };
    assert.throws(() => planWebApp(answers, memoryProject({ 'MySite/notes.md': '' }), 'project'), /^UsageError: Web app name "mysite" differs only in case from the existing "MySite"/);
    assert.ok(planWebApp(answers, memoryProject({ 'mysite/__init__.py': '' }), 'project').files.length > 0);
  });
});
