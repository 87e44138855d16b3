/**
 * IIS `web.config` for a Python WSGI application, in the two variants IIS can run it with:
 * FastCGI through wfastcgi, or HttpPlatformHandler forwarding to a server the app starts itself.
 * Every path is a parameter, so App Service (`D:\home\...`) and Cloud Service roles (the role's
 * own folders) render the same file. Every value is XML-escaped.
 */
import { xml } from '../escape.js';

interface WebConfigBase {
  /** The interpreter, e.g. `D:\home\python3111x64\python.exe`. */
  pythonExe: string;
  /** The folder holding the application (and requirements.txt): first on `PYTHONPATH`. */
  siteRoot: string;
  /** Settings the application reads from its environment (e.g. `DJANGO_SETTINGS_MODULE`). */
  appSettings?: Readonly<Record<string, string>>;
}

export interface FastCgiWebConfig extends WebConfigBase {
  handler: 'fastcgi';
  /** wfastcgi.py; `pythonExe|wfastcgiPath` must match the FastCGI application IIS registered. */
  wfastcgiPath: string;
  /** The dotted WSGI handler (see FrameworkSpec.wsgiHandler). */
  wsgiHandler: string;
  /** Where wfastcgi writes its log, e.g. `D:\home\LogFiles\wfastcgi.log`. */
  wsgiLog: string;
}

export interface HttpPlatformWebConfig extends WebConfigBase {
  handler: 'httpplatform';
  /** Arguments after the interpreter, e.g. `[runserver.py path, '--port', '%HTTP_PLATFORM_PORT%']`. */
  arguments: readonly string[];
  /** The server's stdout and stderr, e.g. `D:\home\LogFiles\python.log`. */
  stdoutLogFile: string;
  /** Seconds IIS waits for the server to listen. */
  startupTimeLimit?: number;
  processesPerApplication?: number;
}

export type WebConfig = FastCgiWebConfig | HttpPlatformWebConfig;

/** The port HttpPlatformHandler chooses and passes to the process it starts. */
export const HTTP_PLATFORM_PORT = '%HTTP_PLATFORM_PORT%';

/** A Windows command-line argument, double-quoted when it holds a space. */
export function windowsArgument(value: string): string {
  if (value.includes('"')) throw new Error(`A command-line argument for web.config cannot contain a double quote: ${JSON.stringify(value)}`);
  return /\s/.test(value) || value === '' ? `"${value}"` : value;
}

const attributes = (pairs: ReadonlyArray<readonly [string, string | number]>) => pairs.map(([name, value]) => `${name}="${xml(String(value))}"`).join(' ');

function settingLines(element: 'add' | 'environmentVariable', settings: Readonly<Record<string, string>>, indent: string): string[] {
  const keyName = element === 'add' ? 'key' : 'name';
  return Object.entries(settings).map(([key, value]) => `${indent}<${element} ${attributes([[keyName, key], ['value', value]])} />`);
}

export function renderWebConfig(config: WebConfig): string {
  return config.handler === 'fastcgi' ? renderFastCgi(config) : renderHttpPlatform(config);
}

function renderFastCgi(config: FastCgiWebConfig): string {
  const settings = { PYTHONPATH: config.siteRoot, WSGI_HANDLER: config.wsgiHandler, WSGI_LOG: config.wsgiLog, ...config.appSettings };
  const handler = attributes([
    ['name', 'PythonHandler'],
    ['path', '*'],
    ['verb', '*'],
    ['modules', 'FastCgiModule'],
    ['scriptProcessor', `${config.pythonExe}|${config.wfastcgiPath}`],
    ['resourceType', 'Unspecified'],
    ['requireAccess', 'Script'],
  ]);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- IIS runs the app through wfastcgi: scriptProcessor must equal the FastCGI application the Python installation registered. -->',
    '<configuration>',
    '  <appSettings>',
    ...settingLines('add', settings, '    '),
    '  </appSettings>',
    '  <system.webServer>',
    '    <handlers>',
    `      <add ${handler} />`,
    '    </handlers>',
    '  </system.webServer>',
    '</configuration>',
    '',
  ].join('\n');
}

function renderHttpPlatform(config: HttpPlatformWebConfig): string {
  const environment = { SERVER_PORT: HTTP_PLATFORM_PORT, PYTHONPATH: config.siteRoot, ...config.appSettings };
  const platform = attributes([
    ['processPath', config.pythonExe],
    ['arguments', config.arguments.map(windowsArgument).join(' ')],
    ['stdoutLogEnabled', 'true'],
    ['stdoutLogFile', config.stdoutLogFile],
    ['startupTimeLimit', config.startupTimeLimit ?? 60],
    ['processesPerApplication', config.processesPerApplication ?? 16],
  ]);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- IIS starts the Python server below and forwards every request to it on the port it chose. -->',
    '<configuration>',
    '  <system.webServer>',
    '    <handlers>',
    '      <add name="PythonHandler" path="*" verb="*" modules="httpPlatformHandler" resourceType="Unspecified" />',
    '    </handlers>',
    `    <httpPlatform ${platform}>`,
    '      <environmentVariables>',
    ...settingLines('environmentVariable', environment, '        '),
    '      </environmentVariables>',
    '    </httpPlatform>',
    '  </system.webServer>',
    '</configuration>',
    '',
  ].join('\n');
}

/** The `web.config` of the static files folder: IIS serves them itself instead of Python. */
export function renderStaticWebConfig(): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- Files in this folder are served by IIS directly, not by the Python handler. -->',
    '<configuration>',
    '  <system.webServer>',
    '    <handlers>',
    '      <remove name="PythonHandler" />',
    '    </handlers>',
    '  </system.webServer>',
    '</configuration>',
    '',
  ].join('\n');
}
