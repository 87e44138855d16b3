import type { CommandSpec } from '../command.js';
import { checkInstanceCount, checkPythonRelease, checkRoleName, checkServiceName, checkVmSize } from '../naming.js';
import type { OptionSpec } from '../options.js';
import { FRAMEWORKS } from '../webapp/frameworks.js';
import { ROLE_KINDS } from './roles.js';

/** The CPython release installed on instances unless --python says otherwise. */
export const DEFAULT_PYTHON_RELEASE = '3.12.10';
export const DEFAULT_CLASSIC_VM_SIZE = 'Small';
export const DEFAULT_EXTENDED_VM_SIZE = 'Standard_D1_v2';

const framework = (when: OptionSpec['when'], appliesTo: string): OptionSpec => ({
  name: 'framework',
  kind: 'choice',
  description: 'Web framework of the web role.',
  prompt: 'Web framework',
  choices: FRAMEWORKS.map((candidate) => ({ value: candidate.id, summary: candidate.summary })),
  default: 'flask',
  when,
  appliesTo,
});

const instances: OptionSpec = {
  name: 'instances',
  kind: 'string',
  description: 'Instances of each new role (the SLA needs at least 2).',
  default: '1',
  check: checkInstanceCount,
  example: '2',
};

const python: OptionSpec = {
  name: 'python',
  kind: 'string',
  description: 'CPython release installed on the instances (the python NuGet package of that version); the PYTHON environment variable overrides it on an instance.',
  prompt: 'Python release for the instances',
  default: DEFAULT_PYTHON_RELEASE,
  check: checkPythonRelease,
  example: DEFAULT_PYTHON_RELEASE,
  scope: 'project',
  teamDefault: true,
};

export const CLOUDSERVICE_COMMAND: CommandSpec = {
  name: 'cloudservice',
  summary: 'A Cloud Service (classic or extended support) with a web role and a worker role, in the current folder.',
  options: [
    {
      name: 'name',
      kind: 'string',
      positional: true,
      label: 'Service name',
      required: true,
      description: 'The cloud service name: letters, digits and hyphens, starting with a letter.',
      prompt: 'Cloud service name',
      check: checkServiceName,
      example: 'contoso-orders',
    },
    {
      name: 'webRole',
      kind: 'string',
      negatable: true,
      description: 'Name of the web role.',
      prompt: 'Web role name',
      default: 'WebRole1',
      check: checkRoleName,
      example: 'WebRole1',
    },
    framework((answers) => answers.webRole !== false, 'with a web role'),
    {
      name: 'workerRole',
      kind: 'string',
      negatable: true,
      description: 'Name of the worker role.',
      prompt: 'Worker role name',
      default: 'WorkerRole1',
      check: checkRoleName,
      example: 'WorkerRole1',
    },
    {
      name: 'osFamily',
      kind: 'choice',
      description: 'Guest OS family of the instances.',
      choices: [
        { value: '7', summary: 'Windows Server 2022' },
        { value: '6', summary: 'Windows Server 2019' },
        { value: '5', summary: 'Windows Server 2016' },
      ],
      default: '7',
    },
    instances,
    {
      name: 'extendedSupport',
      kind: 'boolean',
      description: 'Write the NetworkConfiguration and the ARM template (azuredeploy.json) that Cloud Services (extended support) deploys with.',
      prompt: 'Deploy as Cloud Services (extended support)?',
      default: false,
    },
    {
      name: 'vmSize',
      kind: 'string',
      description: 'Size of each new role\'s instances.',
      default: (answers) => (answers.extendedSupport === true ? DEFAULT_EXTENDED_VM_SIZE : DEFAULT_CLASSIC_VM_SIZE),
      defaultLabel: `${DEFAULT_EXTENDED_VM_SIZE} with --extended-support, else ${DEFAULT_CLASSIC_VM_SIZE}`,
      check: checkVmSize,
      example: DEFAULT_CLASSIC_VM_SIZE,
    },
    python,
  ],
  examples: [
    'pyazure cloudservice contoso-orders',
    'pyazure cloudservice contoso-orders --web-role Frontend --framework django --worker-role Processor --instances 2',
    'pyazure cloudservice contoso-orders --no-web-role --extended-support',
  ],
};

export const ROLE_COMMAND: CommandSpec = {
  name: 'role',
  summary: 'One more web or worker role in the Cloud Service of the current folder.',
  options: [
    {
      name: 'name',
      kind: 'string',
      positional: true,
      label: 'Role name',
      required: true,
      description: 'The role name: a letter, then letters, digits or underscores; unique in the service (case-insensitive).',
      prompt: 'Role name',
      check: checkRoleName,
      example: 'WorkerRole2',
    },
    {
      name: 'type',
      kind: 'choice',
      description: 'What kind of role to add.',
      prompt: 'Role type',
      choices: ROLE_KINDS.map((kind) => ({ value: kind.type, summary: kind.summary })),
      required: true,
      example: 'worker',
    },
    framework((answers) => answers.type === 'web', 'with --type web'),
    instances,
    {
      name: 'vmSize',
      kind: 'string',
      description: 'Size of the role\'s instances.',
      defaultLabel: 'the size of the service\'s first role',
      check: checkVmSize,
      example: DEFAULT_CLASSIC_VM_SIZE,
    },
    python,
  ],
  examples: ['pyazure role Processor --type worker', 'pyazure role Admin --type web --framework django'],
};
