/**
 * The agreement rules of a Cloud Service's ServiceDefinition.csdef and ServiceConfiguration.*.cscfg
 * files (SPEC §5.2, §5.3), checked on the parsed XML. Returns what a test needs to start a role
 * the way the platform does.
 */
import { strict as assert } from 'node:assert';
import type { Element } from '@xmldom/xmldom';
import { childElements, descendants, parseXml } from './xml.js';

const DEFINITION_NAMESPACE = 'http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition';
const CONFIGURATION_NAMESPACE = 'http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration';
const CLASSIC_SIZES = ['ExtraSmall', 'Small', 'Medium', 'Large', 'ExtraLarge'];
const TASK_TYPES = ['simple', 'foreground', 'background'];
const EXECUTION_CONTEXTS = ['limited', 'elevated'];
const PROTOCOLS = ['http', 'https', 'tcp', 'udp'];
const OS_FAMILIES = ['2', '3', '4', '5', '6', '7'];
const SETTING_XPATH = /^\/RoleEnvironment\/CurrentInstance\/ConfigurationSettings\/ConfigurationSetting\[@name='([^']+)'\]\/@value$/;

export interface DefinedRole {
  name: string;
  element: 'WebRole' | 'WorkerRole';
  settings: string[];
  /** Runtime environment variables mapped from settings: variable -> setting name. */
  runtimeSettings: Record<string, string>;
  /** The startup task's variables mapped from settings: variable -> setting name. */
  startupSettings: Record<string, string>;
  /** Runtime variables with other RoleInstanceValue xpaths: variable -> xpath. */
  runtimeValues: Record<string, string>;
  entryPoint?: string;
  startupCommandLine?: string;
}

export interface CheckedService {
  name: string;
  roles: DefinedRole[];
  /** Per cscfg file: role -> setting -> value. */
  values: Record<string, Record<string, Record<string, string>>>;
}

const attr = (element: Element, name: string): string => {
  assert.ok(element.hasAttribute(name), `<${element.localName}> has no ${name} attribute`);
  return element.getAttribute(name)!;
};

function assertUnique(values: string[], what: string): void {
  const lower = values.map((value) => value.toLowerCase());
  assert.equal(new Set(lower).size, lower.length, `${what} are not unique: ${values.join(', ')}`);
}

function checkRoleDefinition(role: Element): DefinedRole {
  const name = attr(role, 'name');
  const where = `${role.localName} ${name}`;
  const size = attr(role, 'vmsize');
  assert.ok(CLASSIC_SIZES.includes(size) || /^Standard_\w+$/.test(size), `${where}: vmsize ${size} is not a known size`);
  const settings = descendants(role, 'Setting').map((setting) => attr(setting, 'name'));
  assertUnique(settings, `${where}: setting names`);
  for (const task of descendants(role, 'Task')) {
    assert.ok(TASK_TYPES.includes(attr(task, 'taskType')), `${where}: taskType ${task.getAttribute('taskType')}`);
    assert.ok(EXECUTION_CONTEXTS.includes(attr(task, 'executionContext')), `${where}: executionContext ${task.getAttribute('executionContext')}`);
  }
  const endpoints = descendants(role, 'InputEndpoint').map((endpoint) => {
    assert.ok(PROTOCOLS.includes(attr(endpoint, 'protocol')), `${where}: protocol ${endpoint.getAttribute('protocol')}`);
    assert.match(attr(endpoint, 'port'), /^\d+$/);
    return attr(endpoint, 'name');
  });
  for (const binding of descendants(role, 'Binding')) {
    assert.ok(endpoints.includes(attr(binding, 'endpointName')), `${where}: binding to an undeclared endpoint ${binding.getAttribute('endpointName')}`);
  }
  // Every variable mapped from a setting must name a declared setting, in startup tasks and runtime alike.
  for (const value of descendants(role, 'RoleInstanceValue')) {
    const setting = SETTING_XPATH.exec(attr(value, 'xpath'))?.[1];
    if (setting !== undefined) assert.ok(settings.includes(setting), `${where}: a variable reads the undeclared setting ${setting}`);
  }
  const variablesOf = (containers: Element[]) => {
    const settings: Record<string, string> = {};
    const values: Record<string, string> = {};
    for (const variable of containers.flatMap((container) => descendants(container, 'Variable'))) {
      const [value] = childElements(variable, 'RoleInstanceValue');
      assert.ok(value, `${where}: variable ${variable.getAttribute('name')} has no RoleInstanceValue`);
      const xpath = attr(value, 'xpath');
      const setting = SETTING_XPATH.exec(xpath)?.[1];
      if (setting !== undefined) settings[attr(variable, 'name')] = setting;
      else values[attr(variable, 'name')] = xpath;
    }
    return { settings, values };
  };
  const runtime = variablesOf(childElements(role, 'Runtime'));
  const startup = variablesOf(childElements(role, 'Startup'));
  const [entryPoint] = descendants(role, 'ProgramEntryPoint');
  if (entryPoint) assert.equal(attr(entryPoint, 'setReadyOnProcessStart'), 'true', `${where}: setReadyOnProcessStart`);
  const [task] = descendants(role, 'Task');
  if (role.localName === 'WebRole') {
    assert.equal(descendants(role, 'Site').length, 1, `${where}: one Site`);
    assert.equal(entryPoint, undefined, `${where}: IIS hosts a web role; it has no entry point`);
  }
  return {
    name,
    element: role.localName as DefinedRole['element'],
    settings,
    runtimeSettings: runtime.settings,
    runtimeValues: runtime.values,
    startupSettings: startup.settings,
    entryPoint: entryPoint?.getAttribute('commandLine') ?? undefined,
    startupCommandLine: task?.getAttribute('commandLine') ?? undefined,
  };
}

/** Checks the csdef and every cscfg of `files` (path -> contents) against each other. */
export function checkServiceFiles(files: Map<string, string>): CheckedService {
  const definition = parseXml(files.get('ServiceDefinition.csdef') ?? assert.fail('no ServiceDefinition.csdef'), 'ServiceDefinition.csdef');
  const root = definition.documentElement!;
  assert.equal(root.localName, 'ServiceDefinition');
  assert.equal(root.namespaceURI, DEFINITION_NAMESPACE, 'csdef namespace');
  const name = attr(root, 'name');
  const roleElements = childElements(root).filter((element) => element.localName === 'WebRole' || element.localName === 'WorkerRole');
  assert.ok(roleElements.length >= 1 && roleElements.length <= 25, `a service has 1 to 25 roles, not ${roleElements.length}`);
  for (const element of descendants(root, '*')) assert.equal(element.namespaceURI, DEFINITION_NAMESPACE, `<${element.localName}> is outside the csdef namespace`);
  const roles = roleElements.map(checkRoleDefinition);
  assertUnique(roles.map((role) => role.name), 'role names');

  const configurationFiles = [...files.keys()].filter((path) => /^ServiceConfiguration\.[^/]+\.cscfg$/.test(path));
  assert.ok(configurationFiles.includes('ServiceConfiguration.Cloud.cscfg') && configurationFiles.includes('ServiceConfiguration.Local.cscfg'), 'Cloud and Local configurations');
  const values: CheckedService['values'] = {};
  for (const file of configurationFiles) {
    const configuration = parseXml(files.get(file)!, file).documentElement!;
    assert.equal(configuration.localName, 'ServiceConfiguration', file);
    assert.equal(configuration.namespaceURI, CONFIGURATION_NAMESPACE, `${file} namespace`);
    for (const element of descendants(configuration, '*')) assert.equal(element.namespaceURI, CONFIGURATION_NAMESPACE, `${file}: <${element.localName}> is outside the namespace`);
    assert.equal(attr(configuration, 'serviceName'), name, `${file}: serviceName must equal the csdef name`);
    assert.ok(OS_FAMILIES.includes(attr(configuration, 'osFamily')), `${file}: osFamily ${configuration.getAttribute('osFamily')}`);
    attr(configuration, 'osVersion');
    const configured = childElements(configuration, 'Role');
    assert.deepEqual(configured.map((role) => attr(role, 'name')).sort(), roles.map((role) => role.name).sort(), `${file}: one Role per csdef role`);
    values[file] = {};
    for (const roleConfiguration of configured) {
      const role = roles.find((candidate) => candidate.name === roleConfiguration.getAttribute('name'))!;
      const instances = childElements(roleConfiguration, 'Instances');
      assert.equal(instances.length, 1, `${file}: ${role.name} has one Instances`);
      assert.match(attr(instances[0]!, 'count'), /^[1-9]\d*$/, `${file}: ${role.name} instance count`);
      const settings = descendants(roleConfiguration, 'Setting');
      assert.deepEqual(settings.map((setting) => attr(setting, 'name')).sort(), [...role.settings].sort(), `${file}: ${role.name} has a value for every declared setting and no other`);
      values[file]![role.name] = Object.fromEntries(settings.map((setting) => [attr(setting, 'name'), attr(setting, 'value')]));
    }
    const network = childElements(configuration, 'NetworkConfiguration');
    if (network.length > 0) {
      const [site] = descendants(network[0]!, 'VirtualNetworkSite');
      assert.ok(site && attr(site, 'name'), `${file}: VirtualNetworkSite`);
      const addresses = descendants(network[0]!, 'InstanceAddress');
      assert.deepEqual(addresses.map((address) => attr(address, 'roleName')).sort(), roles.map((role) => role.name).sort(), `${file}: one InstanceAddress per role`);
      for (const address of addresses) assert.equal(descendants(address, 'Subnet').length, 1, `${file}: ${address.getAttribute('roleName')} has a subnet`);
    }
  }
  return { name, roles, values };
}

/** A startup `.cmd` file as the platform needs it: ASCII only, no byte-order mark, CRLF line endings. */
export function assertStartupCmd(bytes: Buffer, where: string): void {
  assert.notDeepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${where} starts with a UTF-8 byte-order mark`);
  assert.ok(bytes.every((byte) => byte < 0x80), `${where} has non-ASCII bytes`);
  const text = bytes.toString('ascii');
  assert.ok(text.endsWith('\r\n'), `${where} does not end with CRLF`);
  assert.doesNotMatch(text, /[^\r]\n|^\n/, `${where} has a line feed without a carriage return`);
  assert.doesNotMatch(text, /\r(?!\n)/, `${where} has a lone carriage return`);
}

/**
 * Every native program a role script starts with the call operator (`& $program ...`) has its exit
 * code read on the same or the next line, so no failure goes unnoticed.
 */
export function assertExitCodesChecked(script: string, where: string): void {
  const lines = script.split(/\r?\n/);
  const calls = lines.map((line, index) => ({ line, index })).filter(({ line }) => /(^|[=(\s])& \$/.test(line) && !/^\s*#/.test(line));
  for (const { line, index } of calls) {
    const window = lines.slice(index, index + 2).join('\n');
    assert.match(window, /\$LASTEXITCODE/, `${where} line ${index + 1} runs a program without checking its exit code: ${line.trim()}`);
  }
}

/** In a batch file, every path built from the file's own folder (`%~dp0`) is inside double quotes. */
export function assertBatchPathsQuoted(script: string, where: string): void {
  for (const line of script.split(/\r?\n/).filter((candidate) => !/^\s*rem\b/i.test(candidate))) {
    const unquoted = line.replace(/"[^"]*"/g, '');
    assert.doesNotMatch(unquoted, /%~dp0/, `${where}: an unquoted path in: ${line}`);
  }
}
