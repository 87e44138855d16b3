/**
 * ServiceDefinition.csdef and ServiceConfiguration.*.cscfg: written whole when a service is
 * created, and added to in place when a role is added, so that everything else in those files (the
 * user's settings, comments, formatting) stays byte for byte as it was.
 */
import { UsageError } from '../errors.js';
import { xml } from '../escape.js';
import type { ProjectSnapshot } from '../project.js';
import type { RoleKind, RoleSetting } from './roles.js';

export const DEFINITION_FILE = 'ServiceDefinition.csdef';
export const DEFINITION_NAMESPACE = 'http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition';
export const CONFIGURATION_NAMESPACE = 'http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration';
/** The schema version of the last Azure SDK for Cloud Services (2.9.x). */
export const SCHEMA_VERSION = '2015-04.2.6';
export const CONFIGURATIONS = ['Cloud', 'Local'] as const;
export type ConfigurationName = (typeof CONFIGURATIONS)[number];

export function configurationFile(configuration: string): string {
  return `ServiceConfiguration.${configuration}.cscfg`;
}

export interface ServiceRole {
  name: string;
  kind: RoleKind;
  /** The kind's settings and those of the role's framework, with their values. */
  settings: readonly RoleSetting[];
  vmSize: string;
  instances: number;
}

/** Extended support: the virtual network and subnet every role's instances are placed in. */
export interface ServiceNetwork {
  virtualNetwork: string;
  subnet: string;
}

export interface ServiceModel {
  name: string;
  osFamily: string;
  roles: readonly ServiceRole[];
  network?: ServiceNetwork;
}

/** An XML element to render: attributes in order, then children. */
interface Element {
  name: string;
  attributes?: ReadonlyArray<readonly [string, string]>;
  children?: readonly Element[];
}

interface Layout {
  indent: string;
  unit: string;
  newline: string;
}

function render(element: Element, { indent, unit, newline }: Layout): string {
  const attributes = (element.attributes ?? []).map(([name, value]) => ` ${name}="${xml(value)}"`).join('');
  const children = element.children ?? [];
  if (children.length === 0) return `${indent}<${element.name}${attributes} />`;
  const inner = children.map((child) => render(child, { indent: indent + unit, unit, newline }));
  return [`${indent}<${element.name}${attributes}>`, ...inner, `${indent}</${element.name}>`].join(newline);
}

const variable = (name: string, xpath: string): Element => ({
  name: 'Variable',
  attributes: [['name', name]],
  children: [{ name: 'RoleInstanceValue', attributes: [['xpath', xpath]] }],
});

/** Scripts tell the emulator from Azure by this variable (the emulator skips the IIS setup). */
const EMULATED = variable('EMULATED', '/RoleEnvironment/Deployment/@emulated');

function definitionRole(role: ServiceRole): Element {
  const { kind } = role;
  const children: Element[] = [];
  if (kind.endpoint) {
    const endpoint = kind.endpoint;
    children.push(
      {
        name: 'Sites',
        children: [{ name: 'Site', attributes: [['name', 'Web']], children: [{ name: 'Bindings', children: [{ name: 'Binding', attributes: [['name', endpoint.name], ['endpointName', endpoint.name]] }] }] }],
      },
      { name: 'Endpoints', children: [{ name: 'InputEndpoint', attributes: [['name', endpoint.name], ['protocol', endpoint.protocol], ['port', String(endpoint.port)]] }] },
    );
  }
  if (role.settings.length > 0) {
    children.push({ name: 'ConfigurationSettings', children: role.settings.map((setting) => ({ name: 'Setting', attributes: [['name', setting.name]] })) });
  }
  const settingVariables = role.settings.map((setting) =>
    variable(setting.variable, `/RoleEnvironment/CurrentInstance/ConfigurationSettings/ConfigurationSetting[@name='${setting.name}']/@value`),
  );
  children.push({
    name: 'Startup',
    children: [
      {
        name: 'Task',
        attributes: [['commandLine', kind.startupCommandLine], ['executionContext', 'elevated'], ['taskType', 'simple']],
        children: [{ name: 'Environment', children: [EMULATED, ...settingVariables] }],
      },
    ],
  });
  if (kind.entryPoint) {
    children.push({
      name: 'Runtime',
      children: [
        { name: 'Environment', children: [EMULATED, ...settingVariables] },
        { name: 'EntryPoint', children: [{ name: 'ProgramEntryPoint', attributes: [['commandLine', kind.entryPoint], ['setReadyOnProcessStart', 'true']] }] },
      ],
    });
  }
  return { name: kind.element, attributes: [['name', role.name], ['vmsize', role.vmSize]], children };
}

/** Local gets the emulator's values; Cloud and any other configuration get the cloud values. */
function configurationRole(role: ServiceRole, configuration: string): Element {
  const children: Element[] = [{ name: 'Instances', attributes: [['count', String(role.instances)]] }];
  if (role.settings.length > 0) {
    children.push({
      name: 'ConfigurationSettings',
      children: role.settings.map((setting) => ({ name: 'Setting', attributes: [['name', setting.name], ['value', configuration === 'Local' ? setting.local : setting.cloud]] })),
    });
  }
  return { name: 'Role', attributes: [['name', role.name]], children };
}

function instanceAddress(roleName: string, subnet: string): Element {
  return { name: 'InstanceAddress', attributes: [['roleName', roleName]], children: [{ name: 'Subnets', children: [{ name: 'Subnet', attributes: [['name', subnet]] }] }] };
}

const NEW_FILE: Layout = { indent: '', unit: '  ', newline: '\r\n' };
const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** ServiceDefinition.csdef for a new service (CRLF, as Visual Studio writes it). */
export function renderDefinition(model: ServiceModel): string {
  const root: Element = {
    name: 'ServiceDefinition',
    attributes: [['name', model.name], ['xmlns', DEFINITION_NAMESPACE], ['schemaVersion', SCHEMA_VERSION]],
    children: model.roles.map(definitionRole),
  };
  return `${XML_DECLARATION}${NEW_FILE.newline}${render(root, NEW_FILE)}${NEW_FILE.newline}`;
}

/** ServiceConfiguration.<configuration>.cscfg for a new service. */
export function renderConfiguration(model: ServiceModel, configuration: ConfigurationName): string {
  const children = model.roles.map((role) => configurationRole(role, configuration));
  if (model.network) {
    const { virtualNetwork, subnet } = model.network;
    children.push({
      name: 'NetworkConfiguration',
      children: [
        { name: 'VirtualNetworkSite', attributes: [['name', virtualNetwork]] },
        { name: 'AddressAssignments', children: model.roles.map((role) => instanceAddress(role.name, subnet)) },
      ],
    });
  }
  const root: Element = {
    name: 'ServiceConfiguration',
    attributes: [['serviceName', model.name], ['xmlns', CONFIGURATION_NAMESPACE], ['osFamily', model.osFamily], ['osVersion', '*'], ['schemaVersion', SCHEMA_VERSION]],
    children,
  };
  return `${XML_DECLARATION}${NEW_FILE.newline}${render(root, NEW_FILE)}${NEW_FILE.newline}`;
}

/** The text with comments and CDATA blanked out (same length), so that searches skip them. */
function withoutComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (match) => match.replace(/[^\r\n]/g, ' '));
}

function lineStart(text: string, position: number): number {
  return text.lastIndexOf('\n', position - 1) + 1;
}

function indentationAt(text: string, position: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, position)))![0];
}

/**
 * Inserts `element` as a new sibling right after the last element closed by one of `closingTags`,
 * on its own line with that element's indentation; returns the new text. The rest is unchanged.
 */
function insertAfterLast(text: string, file: string, closingTags: readonly string[], element: Element, unit: string): string {
  const searchable = withoutComments(text);
  const pattern = new RegExp(`</(?:${closingTags.join('|')})\\s*>`, 'g');
  let last: RegExpExecArray | undefined;
  for (let match = pattern.exec(searchable); match; match = pattern.exec(searchable)) last = match;
  if (!last) throw new UsageError(`${file} has no ${closingTags.map((tag) => `</${tag}>`).join(' or ')} to add after; fix the file and run again.`);
  const indent = indentationAt(text, last.index);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const at = last.index + last[0].length;
  return `${text.slice(0, at)}${newline}${render(element, { indent, unit, newline })}${text.slice(at)}`;
}

/** The file's indentation step: how far its first `tag` element (a child of the root) is indented. */
function indentationUnit(text: string, tags: string): string {
  const match = new RegExp(`<(?:${tags})[\\s/>]`).exec(withoutComments(text));
  const indent = match ? indentationAt(text, match.index) : '';
  return indent === '' ? NEW_FILE.unit : indent;
}

/** Adds a role to an existing csdef. */
export function addDefinitionRole(text: string, role: ServiceRole): string {
  return insertAfterLast(text, DEFINITION_FILE, ['WebRole', 'WorkerRole'], definitionRole(role), indentationUnit(text, 'WebRole|WorkerRole'));
}

/** Adds a role to an existing cscfg: its `Role`, and its subnet when the service has a network. */
export function addConfigurationRole(text: string, file: string, role: ServiceRole, configuration: string, subnet: string | undefined): string {
  const unit = indentationUnit(text, 'Role');
  const withRole = insertAfterLast(text, file, ['Role'], configurationRole(role, configuration), unit);
  return subnet === undefined ? withRole : insertAfterLast(withRole, file, ['InstanceAddress'], instanceAddress(role.name, subnet), unit);
}

export interface ExistingService {
  name: string;
  /** Roles declared in the csdef: name and element. */
  roles: Array<{ name: string; element: string; vmSize: string }>;
  /** The cscfg files of the folder, with their configuration name (Cloud, Local, ...). */
  configurations: Array<{ file: string; configuration: string; roleNames: string[] }>;
  /** The subnet the first role is placed in (extended support), if any. */
  subnet?: string;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  const raw = match?.[1] ?? match?.[2];
  return raw?.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function openingTags(text: string, names: string): string[] {
  return [...withoutComments(text).matchAll(new RegExp(`<(?:${names})(?=[\\s/>])[^>]*>`, 'g'))].map((match) => match[0]);
}

/** The service in the folder, read from its csdef and cscfg files; undefined without a csdef. */
export function inspectService(project: ProjectSnapshot): ExistingService | undefined {
  const definition = project.read(DEFINITION_FILE);
  if (definition === undefined) return undefined;
  const [root] = openingTags(definition, 'ServiceDefinition');
  const name = root === undefined ? undefined : attribute(root, 'name');
  if (name === undefined) throw new UsageError(`${DEFINITION_FILE} has no <ServiceDefinition name="..."> element; fix the file and run again.`);
  const roles = openingTags(definition, 'WebRole|WorkerRole').map((tag) => ({
    name: attribute(tag, 'name') ?? '',
    element: /^<(\w+)/.exec(tag)![1]!,
    vmSize: attribute(tag, 'vmsize') ?? '',
  }));
  const configurations = project
    .list()
    .map((entry) => /^ServiceConfiguration\.(.+)\.cscfg$/.exec(entry))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map((match) => ({
      file: match[0],
      configuration: match[1]!,
      roleNames: openingTags(project.read(match[0]) ?? '', 'Role').map((tag) => attribute(tag, 'name') ?? ''),
    }));
  const firstConfiguration = configurations[0] === undefined ? '' : (project.read(configurations[0].file) ?? '');
  const [subnetTag] = openingTags(firstConfiguration.slice(firstConfiguration.indexOf('<AddressAssignments')), 'Subnet');
  return { name, roles, configurations, subnet: firstConfiguration.includes('<AddressAssignments') && subnetTag ? attribute(subnetTag, 'name') : undefined };
}
