/**
 * The quality gates on generated projects: ruff and bandit (quality.ts), no secret in a committed
 * file, local settings neither committed nor deployed, HTTP functions closed by default (gates.ts).
 * First the gates are shown to fail on projects that break them, then generated projects pass.
 *
 * Each generated project is one entry in PROJECTS, with the gates that apply to it.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFunctionName } from '../../src/lib/naming.js';
import { copyFolder, writeFiles } from '../support/folder.js';
import { assertDjangoDeployCheck, assertHttpFunctionsNeedKeys, assertLocalSettingsIgnored, assertNoSecretsCommitted, ignoredBy, secretsInCommittedFiles } from '../support/gates.js';
import { tempDir } from '../support/paths.js';
import { installProject } from '../support/python.js';
import { checkQuality } from '../support/quality.js';
import { pyazure } from '../support/run.js';

type Gate = 'secrets' | 'local-settings' | 'http-keys' | 'ruff-bandit' | 'django-deploy';

interface GatedProject {
  name: string;
  /** Bin runs, in order, in one empty folder. */
  runs: string[][];
  gates: readonly Gate[];
}

const PROJECTS: readonly GatedProject[] = [
  {
    name: 'Functions app: an HTTP function with defaults, then a timer function',
    runs: [
      ['function', 'HttpExample'],
      ['function', 'Nightly', '--trigger', 'timer'],
    ],
    gates: ['secrets', 'local-settings', 'http-keys', 'ruff-bandit'],
  },
  {
    name: 'Functions app (v2 model): every trigger, an HTTP output binding, worker settings and a Dockerfile',
    runs: [
      ['function', 'HttpExample', '--model', 'v2', '--docker', '--worker-process-count', '2', '--isolate-worker-dependencies'],
      ['function', 'Intake', '--output', 'queue'],
      ['function', 'Nightly', '--trigger', 'timer'],
      ['function', 'Resize', '--trigger', 'blob'],
      ['function', 'Grid', '--trigger', 'eventgrid-blob'],
      ['function', 'Tasks', '--trigger', 'queue'],
      ['function', 'Orders', '--trigger', 'servicebus-queue'],
      ['function', 'Audit', '--trigger', 'servicebus-topic'],
      ['function', 'Telemetry', '--trigger', 'eventhub', '--cardinality', 'one'],
      ['function', 'Events', '--trigger', 'eventgrid'],
      ['function', 'Changes', '--trigger', 'cosmosdb'],
      ['function', 'Hello', '--trigger', 'durable'],
    ],
    gates: ['secrets', 'local-settings', 'http-keys', 'ruff-bandit'],
  },
  {
    name: 'Functions app (v1 model): other triggers and an alternate entry point',
    runs: [
      ['function', 'Orders', '--trigger', 'servicebus-topic', '--script-file', 'handler.py', '--entry-point', 'handle'],
      ['function', 'Telemetry', '--trigger', 'eventhub'],
      ['function', 'Changes', '--trigger', 'cosmosdb'],
      ['function', 'Hello', '--trigger', 'durable'],
    ],
    gates: ['secrets', 'local-settings', 'http-keys', 'ruff-bandit'],
  },
  {
    name: 'Django web app on Linux with startup tasks and a GitHub workflow',
    runs: [['webapp', 'mysite', '--framework', 'django', '--migrate', '--collect-static', '--ci', 'github']],
    gates: ['secrets', 'ruff-bandit', 'django-deploy'],
  },
  {
    name: 'Flask web app on Windows behind FastCGI',
    runs: [['webapp', 'shop', '--os', 'windows', '--handler', 'fastcgi']],
    gates: ['secrets', 'ruff-bandit'],
  },
  {
    name: 'Cloud service with a Django web role and a worker role, then one more worker role',
    runs: [
      ['cloudservice', 'contoso-orders', '--framework', 'django', '--extended-support'],
      ['role', 'Jobs', '--type', 'worker'],
    ],
    // Each role is its own Python project (its requirements and pyproject.toml).
    gates: ['secrets', 'ruff-bandit'],
  },
];

/**
 * What App Service sets for a Django site: WEBSITE_HOSTNAME (which selects the production settings)
 * and the SECRET_KEY app setting the infrastructure creates; random-looking, as check --deploy requires.
 */
const DEPLOYMENT_ENVIRONMENT = { WEBSITE_HOSTNAME: 'mysite.azurewebsites.net', SECRET_KEY: 'q7#Lm2!vR9zT4xW8pK1nB6cY3hJ5gF0dS-aE_uN+oI=tZxQwVbNmPlOiUyTrEw' };

/** A key shaped like a storage account key (random bytes, base64). */
const FAKE_KEY = Buffer.from('not a real key, only shaped like one: 64 bytes of it!!!!!!!!!!!!').toString('base64');

function generate(project: GatedProject, dir: string): void {
  for (const args of project.runs) {
    const result = pyazure(args, dir);
    assert.equal(result.code, 0, `pyazure ${args.join(' ')}: ${result.stderr}`);
  }
}

describe('quality gates on generated projects', function () {
  const folders: string[] = [];
  const newFolder = (prefix: string): string => {
    const parent = tempDir(prefix);
    folders.push(parent);
    const dir = join(parent, 'app');
    mkdirSync(dir);
    return dir;
  };
  after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  describe('each gate fails on a project that breaks it', function () {
    let functionsApp: string;
    before(() => {
      functionsApp = newFolder('gates-base');
      generate(PROJECTS[0]!, functionsApp);
    });
    const copy = (): string => {
      const dir = newFolder('gates-broken');
      copyFolder(functionsApp, dir);
      return dir;
    };

    it('a key in a committed file is found; the same key in git-ignored local.settings.json is not', function () {
      const dir = copy();
      const connection = `DefaultEndpointsProtocol=https;AccountName=orders;AccountKey=${FAKE_KEY};EndpointSuffix=core.windows.net`;
      const settings = JSON.parse(readFileSync(join(dir, 'local.settings.json'), 'utf8'));
      settings.Values.AzureWebJobsStorage = connection;
      writeFileSync(join(dir, 'local.settings.json'), JSON.stringify(settings, null, 2));
      assert.deepEqual(secretsInCommittedFiles(dir), []);
      writeFiles(dir, {
        'shared_code/settings.py': `STORAGE = "${connection}"\n`,
        'deploy/key.pem': '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n',
        'config.yaml': 'api_key: "sk_live_0123456789abcdef"\n',
      });
      assert.deepEqual(
        secretsInCommittedFiles(dir).map((finding) => finding.path).sort(),
        ['config.yaml', 'deploy/key.pem', 'shared_code/settings.py'],
      );
      assert.throws(() => assertNoSecretsCommitted(dir), /secrets in files that are not git-ignored/);
    });

    it('local.settings.json missing from .funcignore, or from .gitignore, fails', function () {
      for (const ignoreFile of ['.funcignore', '.gitignore']) {
        const dir = copy();
        const text = readFileSync(join(dir, ignoreFile), 'utf8');
        writeFileSync(join(dir, ignoreFile), text.replace(/^local\.settings\.json$/m, '# local.settings.json'));
        assert.throws(() => assertLocalSettingsIgnored(dir), new RegExp(`${ignoreFile.replace('.', '\\.')} does not exclude local\\.settings\\.json`));
      }
      const negated = copy();
      writeFileSync(join(negated, '.gitignore'), `${readFileSync(join(negated, '.gitignore'), 'utf8')}!local.settings.json\n`);
      assert.throws(() => assertLocalSettingsIgnored(negated), /\.gitignore does not exclude/);
    });

    it('an anonymous HTTP function fails, in function.json (v1) and in Python (v2)', function () {
      const v1 = copy();
      const path = join(v1, 'HttpExample', 'function.json');
      writeFileSync(path, readFileSync(path, 'utf8').replace('"function"', '"anonymous"'));
      assert.throws(() => assertHttpFunctionsNeedKeys(v1), /authLevel is "anonymous"/);
      const v2 = newFolder('gates-v2');
      writeFiles(v2, { 'function_app.py': 'import azure.functions as func\n\napp = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)\n' });
      assert.throws(() => assertHttpFunctionsNeedKeys(v2), /function_app\.py opens an HTTP function/);
    });
  });

  it('every plain folder name the generated ignore files exclude is refused as a function name', function () {
    const dir = newFolder('ignored-names');
    generate(PROJECTS[0]!, dir);
    const names = ['.gitignore', '.funcignore'].flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .map((line) => line.trim().replace(/\/$/, ''))
        .filter((line) => /^[A-Za-z][A-Za-z0-9_]*$/.test(line)),
    );
    assert.ok(names.length > 0);
    for (const name of names) {
      // git confirms the folder would be excluded by one of the files ...
      const ignored = ['.gitignore', '.funcignore'].some((file) => ignoredBy(join(dir, file), [`${name}/__init__.py`]).length > 0);
      assert.ok(ignored, `${name}/ is not excluded after all`);
      // ... so a function of that name (in any case) would never be committed or deployed.
      for (const spelling of [name, name.toLowerCase(), name.toUpperCase()]) assert.ok(checkFunctionName(spelling), `function name ${spelling} is accepted`);
    }
    console.log(`      ${names.length} ignored folder names checked against the function name rule`);
  });

  for (const project of PROJECTS) {
    it(`${project.name}: passes ${project.gates.join(', ')}`, function () {
      const dir = newFolder('gated');
      generate(project, dir);
      if (project.gates.includes('secrets')) {
        const committed = assertNoSecretsCommitted(dir);
        console.log(`      ${committed} committed files scanned for secrets`);
      }
      if (project.gates.includes('local-settings')) assertLocalSettingsIgnored(dir);
      if (project.gates.includes('http-keys')) assert.ok(assertHttpFunctionsNeedKeys(dir) > 0, 'no HTTP function was checked');
      // A project, or each role of a cloud service: every folder holding a requirements.txt.
      const pythonProjects = existsSync(join(dir, 'requirements.txt')) ? [dir] : readdirSync(dir).map((entry) => join(dir, entry)).filter((entry) => existsSync(join(entry, 'requirements.txt')));
      assert.ok(pythonProjects.length > 0, 'no requirements.txt in the project');
      const python = project.gates.some((gate) => gate === 'ruff-bandit' || gate === 'django-deploy') ? installProject(pythonProjects[0]!, []) : undefined;
      if (project.gates.includes('ruff-bandit')) {
        for (const folder of pythonProjects) checkQuality(folder === pythonProjects[0] ? python! : installProject(folder, []), folder);
        console.log(`      ruff and bandit clean in ${pythonProjects.length} Python project${pythonProjects.length === 1 ? '' : 's'}`);
      }
      // Production settings with what the platform sets: the site's host name and a secret key.
      if (project.gates.includes('django-deploy')) assertDjangoDeployCheck(python!, dir, DEPLOYMENT_ENVIRONMENT);
    });
  }
});
