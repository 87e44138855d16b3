/**
 * Answers + what is in the folder -> the files of a new Cloud Service, or of one more role in an
 * existing one (with its csdef, cscfg and ARM entries added in place).
 */
import { randomBytes } from 'node:crypto';
import { UsageError } from '../errors.js';
import { describeProblem, findNameClash, CLASSIC_VM_SIZES } from '../naming.js';
import type { Answers } from '../options.js';
import type { Plan, PlannedFile } from '../plan.js';
import type { ProjectSnapshot } from '../project.js';
import { renderDir } from '../templates.js';
import { frameworkById } from '../webapp/frameworks.js';
import { addArmRole, ARM_TEMPLATE_FILE, renderArmTemplate } from './arm.js';
import { DEFAULT_CLASSIC_VM_SIZE, DEFAULT_PYTHON_RELEASE } from './command.js';
import { roleKind, SECRET_KEY_SETTING } from './roles.js';
import { webRoleFiles } from './web-role.js';
import {
  addConfigurationRole,
  addDefinitionRole,
  CONFIGURATIONS,
  configurationFile,
  DEFINITION_FILE,
  inspectService,
  renderConfiguration,
  renderDefinition,
  type ServiceModel,
  type ServiceRole,
} from './service-files.js';

/** The platform's limit on roles per service. */
const MAX_ROLES = 25;

/** Startup `.cmd` files must have CRLF line endings (cmd.exe misreads labels and lines otherwise). */
function withPlatformLineEndings(path: string, contents: string): string {
  return path.endsWith('.cmd') ? contents.replace(/\r?\n/g, '\r\n') : contents;
}

/** Every file of one role, below its folder: its code and tests, and the scripts in bin/. */
function roleFiles(role: ServiceRole, answers: Answers, serviceName: string): PlannedFile[] {
  const data = {
    pythonRelease: answers.python as string,
    appSettingVariables: role.kind.type === 'web' ? role.settings.map((setting) => setting.variable) : [],
  };
  const rendered = [
    ...(role.kind.type === 'web' ? webRoleFiles(role.name, answers.framework as string, serviceName) : renderDir('cloudservice/worker', data)),
    ...renderDir('cloudservice/scripts', data).map((file) => ({ ...file, path: `bin/${file.path}` })),
  ];
  return rendered.map((file) => ({ path: `${role.name}/${file.path}`, contents: withPlatformLineEndings(file.path, file.contents), mode: 'create' as const }));
}

function serviceRole(name: string, type: string, answers: Answers, vmSize: string): ServiceRole {
  const kind = roleKind(type);
  const frameworkSettings = type === 'web' && frameworkById(answers.framework as string).needsSecretKey ? [SECRET_KEY_SETTING] : [];
  const settings = [...kind.settings, ...frameworkSettings].map((setting) => (setting.localSecret ? { ...setting, local: randomBytes(36).toString('base64url') } : setting));
  return { name, kind, settings, vmSize, instances: Number(answers.instances) };
}

function checkSizeForDeployment(vmSize: string, extendedSupport: boolean): void {
  if (extendedSupport && (CLASSIC_VM_SIZES as readonly string[]).includes(vmSize)) {
    throw new UsageError(describeProblem('--vm-size', vmSize, { rule: 'is a classic size, but extended support deploys ARM sizes', example: 'Standard_D1_v2' }));
  }
}

export function planCloudService(answers: Answers, project: ProjectSnapshot): Plan {
  if (project.read(DEFINITION_FILE) !== undefined) {
    throw new UsageError(`This folder already holds a cloud service (${DEFINITION_FILE}): add roles to it with pyazure role; for example "pyazure role WorkerRole2 --type worker".`);
  }
  const name = answers.name as string;
  const extendedSupport = answers.extendedSupport === true;
  const vmSize = answers.vmSize as string;
  checkSizeForDeployment(vmSize, extendedSupport);
  const roles: ServiceRole[] = [];
  if (answers.webRole !== false) roles.push(serviceRole(answers.webRole as string, 'web', answers, vmSize));
  if (answers.workerRole !== false) roles.push(serviceRole(answers.workerRole as string, 'worker', answers, vmSize));
  if (roles.length === 0) throw new UsageError(`A cloud service needs at least one role: drop --no-web-role or --no-worker-role; for example "pyazure cloudservice ${name} --no-web-role".`);
  if (roles.length === 2 && findNameClash(roles[0]!.name, [roles[1]!.name])) {
    throw new UsageError(describeProblem('--worker-role', roles[1]!.name, { rule: `is the web role's name too (role names are unique, case-insensitive)`, example: 'WorkerRole1' }));
  }
  for (const role of roles) {
    const entry = findNameClash(role.name, project.list());
    if (entry) throw new UsageError(describeProblem('Role name', role.name, { rule: `is taken by the existing file or folder "${entry}"`, example: `${role.name}2` }));
  }

  const model: ServiceModel = {
    name,
    osFamily: answers.osFamily as string,
    roles,
    network: extendedSupport ? { virtualNetwork: `${name}-vnet`, subnet: 'roles' } : undefined,
  };
  const data = { serviceName: name, roles, extendedSupport, pythonRelease: answers.python, osFamily: model.osFamily };
  const files: PlannedFile[] = [
    ...renderDir('cloudservice/service', data).map((file) => ({ ...file, mode: 'create' as const })),
    { path: DEFINITION_FILE, contents: renderDefinition(model), mode: 'create' },
    ...CONFIGURATIONS.map((configuration) => ({ path: configurationFile(configuration), contents: renderConfiguration(model, configuration), mode: 'create' as const })),
    ...(extendedSupport ? [{ path: ARM_TEMPLATE_FILE, contents: renderArmTemplate(model), mode: 'create' as const }] : []),
    ...roles.flatMap((role) => roleFiles(role, answers, name)),
  ];
  return {
    files,
    createsProject: true,
    summary: `Created the cloud service ${name} with the ${roles.map((role) => `${role.kind.type} role ${role.name}`).join(' and the ')}.`,
    nextSteps: nextSteps(roles[0]!),
  };
}

function nextSteps(role: ServiceRole): string[] {
  return [
    `cd ${role.name} && python -m venv .venv && . .venv/bin/activate`,
    'python -m pip install -r requirements-dev.txt',
    'python -m pytest',
    'Package on Windows with cspack or MSBuild, then deploy (see README.md).',
  ];
}

/** What an existing service fixes for `pyazure role`: its Python release. */
export function fixedByService(project: ProjectSnapshot, teamDefaults: Answers): Answers {
  return inspectService(project) === undefined ? {} : { python: teamDefaults.python ?? DEFAULT_PYTHON_RELEASE };
}

export function planRole(answers: Answers, project: ProjectSnapshot): Plan {
  const service = inspectService(project);
  if (!service) {
    throw new UsageError(`No ${DEFINITION_FILE} here: run pyazure role in a cloud service folder, or create one first; for example "pyazure cloudservice contoso-orders".`);
  }
  const name = answers.name as string;
  const taken = findNameClash(name, [...service.roles.map((role) => role.name), ...service.configurations.flatMap((configuration) => configuration.roleNames)]);
  if (taken) {
    throw new UsageError(describeProblem('Role name', name, { rule: `is taken: the service already has a role "${taken}" (names are case-insensitive)`, example: `${name}2` }));
  }
  const entry = findNameClash(name, project.list());
  if (entry) throw new UsageError(describeProblem('Role name', name, { rule: `is taken by the existing file or folder "${entry}"`, example: `${name}2` }));
  if (service.roles.length >= MAX_ROLES) throw new UsageError(`${DEFINITION_FILE} already has ${MAX_ROLES} roles, the most a cloud service can have.`);
  if (service.configurations.length === 0) throw new UsageError(`No ServiceConfiguration.*.cscfg next to ${DEFINITION_FILE}; restore them and run again.`);

  const armTemplate = project.read(ARM_TEMPLATE_FILE);
  const extendedSupport = service.subnet !== undefined || armTemplate !== undefined;
  const vmSize = (answers.vmSize as string | undefined) ?? service.roles[0]?.vmSize ?? DEFAULT_CLASSIC_VM_SIZE;
  checkSizeForDeployment(vmSize, extendedSupport);
  const role = serviceRole(name, answers.type as string, answers, vmSize);

  const files: PlannedFile[] = [
    { path: DEFINITION_FILE, contents: addDefinitionRole(project.read(DEFINITION_FILE)!, role), mode: 'update' },
    ...service.configurations.map(({ file, configuration }) => ({
      path: file,
      contents: addConfigurationRole(project.read(file)!, file, role, configuration, service.subnet),
      mode: 'update' as const,
    })),
    ...(armTemplate === undefined ? [] : [{ path: ARM_TEMPLATE_FILE, contents: addArmRole(armTemplate, role), mode: 'update' as const }]),
    ...roleFiles(role, answers, service.name),
  ];
  return {
    files,
    createsProject: false,
    summary: `Added the ${role.kind.type} role ${name} to ${DEFINITION_FILE} and ${service.configurations.map((configuration) => configuration.file).join(', ')}.`,
    nextSteps: nextSteps(role),
  };
}
