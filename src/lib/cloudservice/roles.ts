/**
 * The role catalog. A role kind is one entry: its csdef element, how the platform starts it, the
 * settings it declares (with the environment variable each is mapped to and its values in the Local
 * and Cloud configurations) and where its files come from (`templates/cloudservice/<type>/`).
 */

export interface RoleSetting {
  /** `<Setting name>` in csdef and cscfg. */
  name: string;
  /** Environment variable the csdef maps the setting to (through RoleInstanceValue). */
  variable: string;
  /** Value in ServiceConfiguration.Local.cscfg (the emulator and Azurite). */
  local: string;
  /** Value in ServiceConfiguration.Cloud.cscfg; empty values are for the team to fill in. */
  cloud: string;
  /** The Local value is a random secret made when the role is generated (`local` is ignored). */
  localSecret?: boolean;
}

export interface HttpEndpoint {
  name: string;
  protocol: 'http' | 'https' | 'tcp' | 'udp';
  port: number;
}

export interface RoleKind {
  type: 'web' | 'worker';
  summary: string;
  element: 'WebRole' | 'WorkerRole';
  /**
   * The startup task's command line. Web-role startup tasks run from `approot\bin`, worker-role
   * tasks from the role root, hence the different paths to the same `bin\ps.cmd`.
   */
  startupCommandLine: string;
  /** `ProgramEntryPoint` command line (worker roles); IIS hosts web roles. */
  entryPoint?: string;
  /** The IIS site binding's endpoint (web roles). */
  endpoint?: HttpEndpoint;
  settings: readonly RoleSetting[];
}

export const ROLE_KINDS: readonly RoleKind[] = [
  {
    type: 'web',
    summary: 'a Flask or Django app hosted by IIS',
    element: 'WebRole',
    startupCommandLine: 'ps.cmd ConfigureCloudService.ps1',
    endpoint: { name: 'Endpoint1', protocol: 'http', port: 80 },
    settings: [],
  },
  {
    type: 'worker',
    summary: 'a long-running Python process consuming a storage queue',
    element: 'WorkerRole',
    startupCommandLine: 'bin\\ps.cmd ConfigureCloudService.ps1',
    entryPoint: 'bin\\ps.cmd LaunchWorker.ps1 worker.py',
    settings: [
      { name: 'StorageConnectionString', variable: 'STORAGE_CONNECTION_STRING', local: 'UseDevelopmentStorage=true', cloud: '' },
      { name: 'InputQueueName', variable: 'INPUT_QUEUE_NAME', local: 'work-items', cloud: 'work-items' },
      { name: 'OutputQueueName', variable: 'OUTPUT_QUEUE_NAME', local: 'work-results', cloud: 'work-results' },
    ],
  },
];

/**
 * The setting a web role gets when its framework needs a SECRET_KEY in production. It reaches the
 * app through the startup task, which writes it into the site's web.config appSettings on the
 * instance (IIS worker processes do not get the role's runtime environment). Generated for the
 * emulator, left empty in the Cloud configuration for the team to set (the startup task fails,
 * naming it, until then).
 */
export const SECRET_KEY_SETTING: RoleSetting = { name: 'SecretKey', variable: 'SECRET_KEY', local: '', cloud: '', localSecret: true };

export function roleKind(type: string): RoleKind {
  const kind = ROLE_KINDS.find((candidate) => candidate.type === type);
  if (!kind) throw new Error(`Unknown role type ${type}`);
  return kind;
}
