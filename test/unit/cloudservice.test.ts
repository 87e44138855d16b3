import { strict as assert } from 'node:assert';
import { addArmRole, renderArmTemplate } from '../../src/lib/cloudservice/arm.js';
import { CLOUDSERVICE_COMMAND, ROLE_COMMAND } from '../../src/lib/cloudservice/command.js';
import { planCloudService, planRole } from '../../src/lib/cloudservice/plan.js';
import { roleKind } from '../../src/lib/cloudservice/roles.js';
import { addConfigurationRole, addDefinitionRole, inspectService, type ServiceRole } from '../../src/lib/cloudservice/service-files.js';
import { isUsageError } from '../../src/lib/errors.js';
import { checkInstanceCount, checkPythonRelease, checkRoleName, checkServiceName, checkVmSize } from '../../src/lib/naming.js';
import { parseOption, resolveOptions } from '../../src/lib/options.js';
import type { Plan } from '../../src/lib/plan.js';
import { checkServiceFiles } from '../support/cloudservice.js';
import { memoryProject } from '../support/memory-project.js';
import { parseXml } from '../support/xml.js';

const SERVICE = { name: 'orders', webRole: 'WebRole1', framework: 'flask', workerRole: 'WorkerRole1', osFamily: '7', instances: '1', extendedSupport: false, vmSize: 'Small', python: '3.12.10' };
const WORKER: ServiceRole = { name: 'Jobs', kind: roleKind('worker'), settings: roleKind('worker').settings, vmSize: 'Small', instances: 2 };

const contents = (plan: Plan) => Object.fromEntries(plan.files.map((file) => [file.path, file.contents]));
const usageError = (pattern: RegExp) => (error: unknown) => isUsageError(error) && pattern.test((error as Error).message);

describe('Cloud Service naming rules', function () {
  it('accepts and refuses service names, role names, counts, sizes and releases', function () {
    for (const good of ['ab', 'contoso-orders', 'A1']) assert.equal(checkServiceName(good), undefined, good);
    for (const bad of ['a', '1ab', 'ab-', 'a_b', 'a'.repeat(64)]) assert.ok(checkServiceName(bad), bad);
    for (const good of ['WebRole1', 'worker_2']) assert.equal(checkRoleName(good), undefined, good);
    for (const bad of ['1Role', 'Web-Role', 'bin', 'BIN', '']) assert.ok(checkRoleName(bad), bad);
    for (const bad of ['0', '101', '1.5', '-1', '01']) assert.ok(checkInstanceCount(bad), bad);
    assert.equal(checkVmSize('Standard_D1_v2'), undefined);
    assert.ok(checkVmSize('Huge'));
    assert.equal(checkPythonRelease('3.12.10'), undefined);
    for (const bad of ['3.12', '2.7.18', '3.12.x', '3.15.0']) assert.ok(checkPythonRelease(bad), bad);
  });

  it('reads --no-web-role as "none" and refuses other non-text values', function () {
    const webRole = CLOUDSERVICE_COMMAND.options.find((option) => option.name === 'webRole')!;
    assert.equal(parseOption(webRole, false), false);
    assert.equal(parseOption(webRole, 'Frontend'), 'Frontend');
    const roleName = ROLE_COMMAND.options.find((option) => option.name === 'name')!;
    assert.throws(() => parseOption(roleName, false), /must be text/);
  });

  it('asks for the framework only when there is a web role', async function () {
    const answers = await resolveOptions(CLOUDSERVICE_COMMAND.options, { given: { name: 'orders', webRole: false }, stored: {}, context: { existingProject: false, fixed: {} } });
    assert.equal(answers.framework, undefined);
    assert.equal(answers.vmSize, 'Small');
    const extended = await resolveOptions(CLOUDSERVICE_COMMAND.options, { given: { name: 'orders', extendedSupport: true }, stored: {}, context: { existingProject: false, fixed: {} } });
    assert.equal(extended.vmSize, 'Standard_D1_v2');
  });
});

describe('Cloud Service files', function () {
  it('plans a service whose csdef and cscfg files agree', function () {
    const files = contents(planCloudService(SERVICE, memoryProject({})));
    const service = checkServiceFiles(new Map(Object.entries(files)));
    assert.deepEqual(service.roles.map((role) => role.name), ['WebRole1', 'WorkerRole1']);
    assert.ok(files['WorkerRole1/bin/ps.cmd']!.split('\n').slice(0, -1).every((line) => line.endsWith('\r')), 'ps.cmd is CRLF');
    assert.ok(!files['WorkerRole1/bin/ConfigureCloudService.ps1']!.includes('\r'), 'PowerShell scripts keep LF');
  });

  it('adds a role to LF files indented with tabs, after the last real role, not into a comment', function () {
    const csdef = [
      '<?xml version="1.0"?>',
      '<ServiceDefinition name="orders" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">',
      '\t<WorkerRole name="A" vmsize="Small">',
      '\t</WorkerRole>',
      '\t<!-- <WorkerRole name="Old"></WorkerRole> -->',
      '</ServiceDefinition>',
      '',
    ].join('\n');
    const updated = addDefinitionRole(csdef, WORKER);
    assert.ok(!updated.includes('\r'));
    const lines = updated.split('\n');
    assert.equal(lines[4], '\t<WorkerRole name="Jobs" vmsize="Small">');
    assert.equal(lines[5], '\t\t<ConfigurationSettings>');
    assert.equal(lines.at(-3), '\t<!-- <WorkerRole name="Old"></WorkerRole> -->');
    assert.equal(updated.replace(/\n\t<WorkerRole name="Jobs"[\s\S]*?<\/WorkerRole>/, ''), csdef);
    parseXml(updated);
  });

  it('adds the role and its subnet to a cscfg with a network configuration', function () {
    const cscfg = [
      '<ServiceConfiguration serviceName="orders" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">',
      '    <Role name="A"><Instances count="1" /></Role>',
      '    <NetworkConfiguration>',
      '        <VirtualNetworkSite name="net" />',
      '        <AddressAssignments>',
      '            <InstanceAddress roleName="A"><Subnets><Subnet name="front" /></Subnets></InstanceAddress>',
      '        </AddressAssignments>',
      '    </NetworkConfiguration>',
      '</ServiceConfiguration>',
    ].join('\r\n');
    const updated = addConfigurationRole(cscfg, 'x.cscfg', WORKER, 'Local', 'front');
    const document = parseXml(updated);
    assert.equal(document.getElementsByTagName('Role').length, 2);
    assert.match(updated, /\r\n {4}<Role name="Jobs">\r\n {8}<Instances count="2" \/>/);
    assert.match(updated, /\r\n {12}<InstanceAddress roleName="Jobs">\r\n {16}<Subnets>\r\n {20}<Subnet name="front" \/>/);
    assert.match(updated, /<Setting name="StorageConnectionString" value="UseDevelopmentStorage=true" \/>/);
    assert.match(addConfigurationRole(cscfg, 'x.cscfg', WORKER, 'Staging', undefined), /<Setting name="StorageConnectionString" value="" \/>/, 'configurations other than Local get the cloud values');
  });

  it('adds the role to the ARM template, keeping the rest', function () {
    const template = renderArmTemplate({ name: 'orders', osFamily: '7', roles: [{ ...WORKER, name: 'A' }], network: { virtualNetwork: 'net', subnet: 'front' } });
    const updated = JSON.parse(addArmRole(template, WORKER));
    const original = JSON.parse(template);
    const roles = (document: { resources: Array<{ type: string; properties: { roleProfile: { roles: Array<{ name: string }> } } }> }) =>
      document.resources.find((resource) => resource.type === 'Microsoft.Compute/cloudServices')!.properties.roleProfile.roles;
    assert.deepEqual(roles(updated).map((role) => role.name), ['A', 'Jobs']);
    roles(updated).pop();
    assert.deepEqual(updated, original);
    assert.throws(() => addArmRole('{"resources": []}', WORKER), usageError(/has no Microsoft.Compute\/cloudServices resource/));
  });

  it('reads an existing service, ignoring commented-out roles', function () {
    const files = contents(planCloudService({ ...SERVICE, webRole: false }, memoryProject({})));
    files['ServiceDefinition.csdef'] = files['ServiceDefinition.csdef']!.replace('</ServiceDefinition>', '<!-- <WebRole name="Gone" vmsize="Small"> -->\r\n</ServiceDefinition>');
    const service = inspectService(memoryProject(files))!;
    assert.equal(service.name, 'orders');
    assert.deepEqual(service.roles, [{ name: 'WorkerRole1', element: 'WorkerRole', vmSize: 'Small' }]);
    assert.deepEqual(service.configurations.map((configuration) => [configuration.file, configuration.roleNames]), [
      ['ServiceConfiguration.Cloud.cscfg', ['WorkerRole1']],
      ['ServiceConfiguration.Local.cscfg', ['WorkerRole1']],
    ]);
    assert.equal(service.subnet, undefined);
  });
});

describe('Cloud Service plans refuse', function () {
  const existing = () => memoryProject(contents(planCloudService(SERVICE, memoryProject({}))));

  it('a second service in the same folder, and a role outside a service', function () {
    assert.throws(() => planCloudService(SERVICE, existing()), usageError(/already holds a cloud service/));
    assert.throws(() => planRole({ name: 'Jobs', type: 'worker', instances: '1', python: '3.12.10' }, memoryProject({})), usageError(/No ServiceDefinition\.csdef here/));
  });

  it('duplicate role names, case-insensitively, and names taken by a file', function () {
    assert.throws(() => planRole({ name: 'workerrole1', type: 'worker', instances: '1', python: '3.12.10' }, existing()), usageError(/already has a role "WorkerRole1"/));
    assert.throws(() => planRole({ name: 'Readme', type: 'worker', instances: '1', python: '3.12.10' }, memoryProject({ ...contents(planCloudService(SERVICE, memoryProject({}))), 'readme/x': '' })), usageError(/taken by the existing file or folder "readme"/));
  });

  it('classic sizes for extended support', function () {
    assert.throws(() => planCloudService({ ...SERVICE, extendedSupport: true }, memoryProject({})), usageError(/--vm-size "Small" is a classic size/));
  });

  it('a web role whose package name would shadow a module', function () {
    assert.throws(() => planCloudService({ ...SERVICE, webRole: 'Django' }, memoryProject({})), usageError(/Role name "Django" names the web app's Python package "django"/));
  });
});
