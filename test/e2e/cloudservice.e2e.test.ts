/**
 * Cloud services end to end: the published bin in temp folders; csdef and cscfg checked against
 * each other after every run; the role scripts parsed by a PowerShell grammar; each role installed
 * from PyPI with its own tests and the quality gates; the web roles' WSGI handlers served as
 * wfastcgi resolves them; the worker run against Azurite with the environment the csdef gives it.
 */
import { strict as assert } from 'node:assert';
import { type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { assertOneLineFailure, checkGeneratedFiles } from '../support/checks.js';
import { assertBatchPathsQuoted, assertExitCodesChecked, assertStartupCmd, type CheckedService, checkServiceFiles } from '../support/cloudservice.js';
import { freePort, startProcess, type StartedProcess } from '../support/http.js';
import { appSettingsOf, serveThroughWebConfig } from '../support/iis.js';
import { REPO_ROOT, tempFolders } from '../support/paths.js';
import { assertPowerShellParses } from '../support/powershell.js';
import { compilePython, installProject, runPytest } from '../support/python.js';
import { checkQuality } from '../support/quality.js';
import { pyazure, runOk } from '../support/run.js';
import { diffTrees, readTree } from '../support/tree.js';
import { parseXml } from '../support/xml.js';

const SERVICE = 'contoso-orders';
/** IIS serves a web role from here on an instance; web.config names it as PYTHONPATH. */
const SITE_ROOT = 'E:\\sitesroot\\0';
const AZURITE_QUEUE = join(REPO_ROOT, 'node_modules', '.bin', 'azurite-queue');
/** Azurite's well-known development account (public, documented by Microsoft). */
const DEVSTORE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';


/** Every platform file of the service checked: csdef/cscfg agreement, PowerShell, ps.cmd bytes, no template leftovers. */
function checkService(dir: string): CheckedService {
  const tree = readTree(dir);
  checkGeneratedFiles(tree);
  const service = checkServiceFiles(tree);
  for (const role of service.roles) {
    for (const script of ['Common.ps1', 'ConfigureCloudService.ps1', ...(role.element === 'WorkerRole' ? ['LaunchWorker.ps1'] : [])]) {
      const path = `${role.name}/bin/${script}`;
      assert.ok(tree.has(path), `${path} is missing`);
      assertPowerShellParses(tree.get(path)!, path);
      assertExitCodesChecked(tree.get(path)!, path);
    }
    assertStartupCmd(readFileSync(join(dir, role.name, 'bin', 'ps.cmd')), `${role.name}/bin/ps.cmd`);
    assertBatchPathsQuoted(tree.get(`${role.name}/bin/ps.cmd`)!, `${role.name}/bin/ps.cmd`);
    assert.match(tree.get(`${role.name}/bin/ps.cmd`)!, /^exit \/b %ERRORLEVEL%\r$/m, 'ps.cmd passes the exit code on');
    if (role.element === 'WebRole') {
      assert.equal(role.startupCommandLine, 'ps.cmd ConfigureCloudService.ps1', 'web-role tasks run from approot\\bin');
      parseXml(tree.get(`${role.name}/web.config`)!, `${role.name}/web.config`);
    } else {
      assert.equal(role.startupCommandLine, 'bin\\ps.cmd ConfigureCloudService.ps1');
      assert.equal(role.entryPoint, 'bin\\ps.cmd LaunchWorker.ps1 worker.py');
    }
  }
  return service;
}

/**
 * Proves that `after` is `before` with whole lines inserted and nothing else changed, byte for
 * byte; returns the inserted blocks (runs of consecutive new lines).
 */
function insertedBlocks(before: string, after: string, where: string): string[] {
  const old = before.split('\n');
  const blocks: string[][] = [];
  const kept: string[] = [];
  let next = 0;
  let inBlock = false;
  for (const line of after.split('\n')) {
    if (next < old.length && line === old[next]) {
      kept.push(line);
      next += 1;
      inBlock = false;
    } else {
      if (!inBlock) blocks.push([]);
      blocks.at(-1)!.push(line);
      inBlock = true;
    }
  }
  assert.equal(kept.join('\n'), before, `${where}: the lines that were there changed`);
  return blocks.map((block) => block.join('\n'));
}

/** The new role's entries, and nothing else, were added to every service file. */
function assertOnlyRoleAdded(before: Map<string, string>, after: Map<string, string>, roleName: string): void {
  for (const [path, contents] of before) {
    if (!/\.(csdef|cscfg)$|^azuredeploy\.json$/.test(path)) continue;
    if (path === 'azuredeploy.json') continue;
    const blocks = insertedBlocks(contents, after.get(path)!, path);
    assert.ok(blocks.length >= 1, `${path}: nothing was added`);
    for (const block of blocks) {
      // Each block is one element about the new role.
      const element = parseXml(`<wrapper xmlns="urn:x">${block}</wrapper>`, `${path} addition`).documentElement!;
      const children = Array.from(element.childNodes).filter((node) => node.nodeType === node.ELEMENT_NODE);
      assert.equal(children.length, 1, `${path}: one element per addition`);
      assert.match(block, new RegExp(`(?:name|roleName)="${roleName}"`), `${path}: the addition is the role ${roleName}`);
    }
  }
}

/** Resolves when 127.0.0.1:`port` accepts connections. */
async function waitForPort(port: number, process: StartedProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (process.child.exitCode !== null) throw new Error(`process exited before listening:\n${process.output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port}:\n${process.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function waitForOutput(process: StartedProcess, pattern: RegExp, timeoutMs = 30_000, from = 0): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(process.output().slice(from))) {
    if (process.child.exitCode !== null) throw new Error(`process exited (${process.child.exitCode}) before printing ${pattern}:\n${process.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${process.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Puts `text` on the input queue and waits for the worker's result on the output queue (run in the role's venv). */
const QUEUE_ROUND_TRIP = `
import sys, time
from azure.core.exceptions import ResourceExistsError
from azure.storage.queue import QueueClient
connection, source, target, text = sys.argv[1:5]
inbox = QueueClient.from_connection_string(connection, source)
try:
    inbox.create_queue()
except ResourceExistsError:
    pass
inbox.send_message(text)
outbox = QueueClient.from_connection_string(connection, target)
deadline = time.time() + 30
while time.time() < deadline:
    try:
        for message in outbox.receive_messages():
            outbox.delete_message(message)
            print(message.content)
            sys.exit(0)
    except Exception as error:
        print(type(error).__name__, file=sys.stderr)
    time.sleep(0.3)
sys.exit("no result on " + target)
`;

async function roundTrip(python: string, connection: string, source: string, target: string, text: string): Promise<Record<string, unknown>> {
  const client = startProcess(python, ['-c', QUEUE_ROUND_TRIP, connection, source, target, text]);
  const code = await exitOf(client.child);
  assert.equal(code, 0, client.output());
  return JSON.parse(client.output().trim().split('\n').at(-1)!) as Record<string, unknown>;
}

describe('pyazure cloudservice and role (end to end)', function () {
  const newFolder = tempFolders();

  describe('a service with a Flask web role and a worker role, then more roles', function () {
    let service: string;
    let checked: CheckedService;

    before(function () {
      service = join(newFolder('service'), SERVICE);
      mkdirSync(service);
    });

    it('creates the csdef, both cscfg files, a README and both roles, all agreeing', function () {
      const result = pyazure(['cloudservice', SERVICE], service);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Created the cloud service contoso-orders with the web role WebRole1 and the worker role WorkerRole1/);
      checked = checkService(service);
      assert.deepEqual(
        checked.roles.map((role) => [role.element, role.name]),
        [['WebRole', 'WebRole1'], ['WorkerRole', 'WorkerRole1']],
      );
      const tree = readTree(service);
      for (const path of ['WebRole1/app.py', 'WebRole1/web.config', 'WebRole1/static/web.config', 'WebRole1/requirements.txt', 'WorkerRole1/worker.py', 'WorkerRole1/tests/test_worker.py']) {
        assert.ok(tree.has(path), `${path} is missing`);
      }
      assert.match(tree.get('README.md')!, /retired on 2024-08-31/);
      assert.match(tree.get('README.md')!, /retires on 2027-03-31/);
      assert.match(tree.get('WorkerRole1/bin/Common.ps1')!, /^\$PythonRelease = '3\.12\.10'$/m);
      assert.match(tree.get('WebRole1/requirements.txt')!, /^wfastcgi/m);
      assert.deepEqual(checked.values['ServiceConfiguration.Local.cscfg']!.WorkerRole1, {
        StorageConnectionString: 'UseDevelopmentStorage=true',
        InputQueueName: 'work-items',
        OutputQueueName: 'work-results',
      });
      assert.equal(tree.has('azuredeploy.json'), false);
    });

    it('adds roles in place, keeping every other byte of the service files, comments and user settings included', function () {
      // What a team does to its service over time: comments, a setting of its own, a role kept
      // in a comment. Both line-ending styles occur; these files are CRLF.
      const edit = (file: string, from: string, to: string) => {
        const path = join(service, file);
        const text = readFileSync(path, 'utf8');
        assert.ok(text.includes(from), `${file} lacks ${from}`);
        writeFileSync(path, text.replace(from, to));
      };
      edit('ServiceDefinition.csdef', '  <WebRole ', '  <!-- Sizes agreed with ops; ask before changing. -->\r\n  <WebRole ');
      edit('ServiceDefinition.csdef', '      <Setting name="OutputQueueName" />', '      <Setting name="OutputQueueName" />\r\n      <Setting name="FeatureFlags" />');
      edit('ServiceDefinition.csdef', '</ServiceDefinition>', '  <!-- <WorkerRole name="Retired" vmsize="Small"></WorkerRole> -->\r\n</ServiceDefinition>');
      for (const file of ['ServiceConfiguration.Cloud.cscfg', 'ServiceConfiguration.Local.cscfg']) {
        edit(file, '      <Setting name="OutputQueueName" value="work-results" />', '      <Setting name="OutputQueueName" value="work-results" />\r\n      <Setting name="FeatureFlags" value="beta;fast" /> <!-- ours -->');
        edit(file, '</ServiceConfiguration>', '  <!-- <Role name="Retired"></Role> -->\r\n</ServiceConfiguration>');
      }
      checkService(service);

      for (const [name, args] of [
        ['Processor', ['--type', 'worker', '--instances', '2']],
        ['Admin', ['--type', 'web', '--framework', 'django']],
      ] as const) {
        const before = readTree(service);
        const result = pyazure(['role', name, ...args], service);
        assert.equal(result.code, 0, result.stderr);
        const after = readTree(service);
        const diff = diffTrees(before, after);
        assert.deepEqual(diff.removed, []);
        assert.deepEqual(diff.changed.sort(), ['ServiceConfiguration.Cloud.cscfg', 'ServiceConfiguration.Local.cscfg', 'ServiceDefinition.csdef']);
        assert.ok(diff.added.every((path) => path.startsWith(`${name}/`)), `only ${name}/ is new: ${diff.added.join(', ')}`);
        assertOnlyRoleAdded(before, after, name);
        checked = checkService(service);
        assert.ok(checked.roles.some((role) => role.name === name));
      }
      const csdef = readFileSync(join(service, 'ServiceDefinition.csdef'), 'utf8');
      // Added after the last real role, before the commented-out one.
      assert.ok(csdef.indexOf('<WebRole name="Admin"') < csdef.indexOf('<!-- <WorkerRole name="Retired"'));
      assert.match(readFileSync(join(service, 'ServiceConfiguration.Cloud.cscfg'), 'utf8'), /<Role name="Processor">\r\n {4}<Instances count="2" \/>/);
      // One interpreter for the whole service: a later role pins the release the service was made with.
      assert.equal(readFileSync(join(service, 'Processor', 'bin', 'Common.ps1'), 'utf8'), readFileSync(join(service, 'WorkerRole1', 'bin', 'Common.ps1'), 'utf8'));
      assert.match(readFileSync(join(service, 'Admin', 'bin', 'Common.ps1'), 'utf8'), /^\$PythonRelease = '3\.12\.10'$/m);
    });

    it('refuses a duplicate role name (case-insensitive) without writing anything', function () {
      const before = readTree(service);
      assertOneLineFailure(pyazure(['role', 'processor', '--type', 'worker'], service), /Role name "processor" is taken: the service already has a role "Processor"/);
      assert.deepEqual(diffTrees(before, readTree(service)), { added: [], removed: [], changed: [] });
    });

    describe('the worker role', function () {
      let python: string;
      let role: string;

      before(function () {
        role = join(service, 'WorkerRole1');
        python = installProject(role, ['-r', 'requirements-dev.txt']);
      });

      it('installs from PyPI, passes its own tests and the quality gates', function () {
        compilePython(python, role, ['worker.py', 'tests/test_worker.py']);
        assert.ok(runPytest(role).passed >= 5);
        checkQuality(python, role);
      });

      it('processes queue messages against Azurite with the environment the csdef gives it, rides out an outage, and stops on SIGTERM', async function () {
        const port = await freePort();
        const azuriteArgs = ['--queueHost', '127.0.0.1', '--queuePort', String(port), '--inMemoryPersistence', '--silent', '--disableTelemetry', '--skipApiVersionCheck'];
        const azuriteOptions = { cwd: newFolder('azurite') };
        let azurite = startProcess(AZURITE_QUEUE, azuriteArgs, azuriteOptions);
        // The runtime environment of the csdef, with the values of ServiceConfiguration.Local.cscfg.
        const definition = checked.roles.find((candidate) => candidate.name === 'WorkerRole1')!;
        const local = checked.values['ServiceConfiguration.Local.cscfg']!.WorkerRole1!;
        const connection = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEVSTORE_KEY};QueueEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
        const environment: Record<string, string> = {};
        for (const [variable, setting] of Object.entries(definition.runtimeSettings)) {
          // UseDevelopmentStorage=true means Azurite on its default port; this one has its own port.
          environment[variable] = local[setting] === 'UseDevelopmentStorage=true' ? connection : local[setting]!;
        }
        assert.deepEqual(Object.keys(environment).sort(), ['INPUT_QUEUE_NAME', 'OUTPUT_QUEUE_NAME', 'STORAGE_CONNECTION_STRING']);
        assert.equal(definition.runtimeValues.EMULATED, '/RoleEnvironment/Deployment/@emulated');
        environment.EMULATED = 'true';
        const worker = startProcess(python, ['worker.py'], { cwd: role, env: { PATH: process.env.PATH ?? '', ...environment } });
        try {
          await waitForPort(port, azurite);
          await waitForOutput(worker, /listening on queue work-items/);
          const first = await roundTrip(python, connection, local.InputQueueName!, local.OutputQueueName!, 'Ship the order, then ship the invoice.');
          assert.equal(first.words, 7);
          assert.deepEqual(first.top_words, ['ship', 'the', 'order']);
          assert.match(worker.output(), /processed message \S+ \(7 words\)/);

          // Storage goes away: the worker keeps running and says so.
          const mark = worker.output().length;
          assert.equal(await azurite.stop(), 0);
          await waitForOutput(worker, /storage unavailable/, 30_000, mark);
          assert.equal(worker.child.exitCode, null, 'the worker exited during the outage');
          // It comes back (empty: in-memory); the worker recreates its queues and carries on.
          azurite = startProcess(AZURITE_QUEUE, azuriteArgs, azuriteOptions);
          await waitForPort(port, azurite);
          const second = await roundTrip(python, connection, local.InputQueueName!, local.OutputQueueName!, 'back again');
          assert.equal(second.words, 2);

          const started = Date.now();
          assert.equal(await worker.stop('SIGTERM', 10_000), 0, worker.output());
          assert.ok(Date.now() - started < 10_000);
          assert.match(worker.output(), /stopped/);
        } finally {
          await worker.stop('SIGKILL').catch(() => undefined);
          await azurite.stop().catch(() => undefined);
        }
      });
    });

    for (const [roleName, framework] of [
      ['WebRole1', 'flask'],
      ['Admin', 'django'],
    ] as const) {
      it(`the ${framework} web role ${roleName} installs, passes its tests and the gates, and its web.config's WSGI handler serves 200`, function () {
        const role = join(service, roleName);
        const python = installProject(role, ['-r', 'requirements-dev.txt']);
        runPytest(role);
        checkQuality(python, role);
        const webConfig = readFileSync(join(role, 'web.config'), 'utf8');
        // What the startup task gives the app: the role's settings from the Local configuration,
        // and for Django the static files collected with web.config's app settings.
        const roleSettings = checked.roles.find((candidate) => candidate.name === roleName)!;
        const local = checked.values['ServiceConfiguration.Local.cscfg']![roleName]!;
        const fromConfiguration = Object.fromEntries(Object.entries(roleSettings.startupSettings).map(([variable, setting]) => [variable, local[setting]!]));
        assert.deepEqual(Object.keys(fromConfiguration), framework === 'django' ? ['SECRET_KEY'] : []);
        assert.deepEqual(roleSettings.settings, framework === 'django' ? ['SecretKey'] : []);
        if (framework === 'django') {
          runOk(python, ['manage.py', 'collectstatic', '--noinput'], { cwd: role, env: { ...process.env, ...appSettingsOf(webConfig), PYTHONPATH: role, ...fromConfiguration } });
        }
        const host = `${SERVICE}.cloudapp.net`;
        const response = serveThroughWebConfig(python, webConfig, {
          siteRoot: SITE_ROOT,
          localRoot: role,
          platformEnvironment: fromConfiguration,
          headers: { Host: host, 'X-Forwarded-Proto': 'https' },
        });
        assert.equal(response.status, 200, response.body);
      });
    }
  });

  describe('extended support', function () {
    it('adds the network configuration and the ARM template, and keeps them in step when a role is added', function () {
      const service = join(newFolder('extended'), 'fabrikam');
      mkdirSync(service);
      const created = pyazure(['cloudservice', 'fabrikam', '--no-web-role', '--extended-support', '--os-family', '6'], service);
      assert.equal(created.code, 0, created.stderr);
      checkService(service);
      const cloud = readFileSync(join(service, 'ServiceConfiguration.Cloud.cscfg'), 'utf8');
      assert.match(cloud, /osFamily="6"/);
      assert.match(cloud, /<VirtualNetworkSite name="fabrikam-vnet" \/>/);
      const before = readTree(service);
      const added = pyazure(['role', 'Frontend', '--type', 'web'], service);
      assert.equal(added.code, 0, added.stderr);
      const after = readTree(service);
      assertOnlyRoleAdded(before, after, 'Frontend');
      checkService(service);
      const template = JSON.parse(after.get('azuredeploy.json')!);
      const cloudService = template.resources.find((resource: { type: string }) => resource.type === 'Microsoft.Compute/cloudServices');
      assert.deepEqual(
        cloudService.properties.roleProfile.roles.map((role: { name: string; sku: { name: string } }) => [role.name, role.sku.name]),
        [['WorkerRole1', 'Standard_D1_v2'], ['Frontend', 'Standard_D1_v2']],
      );
      const network = template.resources.find((resource: { type: string }) => resource.type === 'Microsoft.Network/virtualNetworks');
      assert.equal(network.properties.subnets[0].name, "[variables('subnetName')]");
      assert.equal(template.variables.subnetName, 'roles');
      assert.equal(template.variables.virtualNetworkName, 'fabrikam-vnet');
    });
  });

  describe('bad input', function () {
    for (const [args, pattern] of [
      [['cloudservice', '1orders'], /Service name "1orders" is not a valid cloud service name/],
      [['cloudservice', 'orders', '--no-web-role', '--no-worker-role'], /needs at least one role/],
      [['cloudservice', 'orders', '--worker-role', 'bin'], /--worker-role "bin" is reserved/],
      [['cloudservice', 'orders', '--web-role', 'Jobs', '--worker-role', 'jobs'], /--worker-role "jobs" is the web role's name too/],
      [['cloudservice', 'orders', '--extended-support', '--vm-size', 'Small'], /--vm-size "Small" is a classic size/],
      [['cloudservice', 'orders', '--python', '3.12'], /--python "3\.12" is not a CPython release/],
      [['cloudservice', 'orders', '--instances', '0'], /--instances "0" must be a whole number from 1 to 100/],
      [['cloudservice', 'orders', '--web-role', 'Flask'], /Role name "Flask" names the web app's Python package "flask"/],
      [['role', 'Extra', '--type', 'worker'], /No ServiceDefinition\.csdef here/],
      [['role', 'Extra'], /--type is missing: .*; for example "worker"\.$/],
    ] as const) {
      it(`pyazure ${args.join(' ')}: one line, exit code 2, nothing written`, function () {
        const folder = newFolder('bad');
        assertOneLineFailure(pyazure(args, folder), pattern);
        assert.deepEqual([...readTree(folder).keys()], []);
      });
    }
  });
});
