/**
 * Runs what an IIS web.config describes, the way IIS and wfastcgi would, on this machine: paths
 * under the site root in web.config (e.g. `D:\home\site\wwwroot`) are mapped to a local folder.
 */
import { join } from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { REPO_ROOT } from './paths.js';
import { runOk } from './run.js';
import { descendants, parseXml } from './xml.js';

const HANDLER_SCRIPT = join(REPO_ROOT, 'test', 'support', 'wsgi_handler.py');

/** Maps a Windows path under `siteRoot` to the same file under `localRoot` (POSIX). */
export function localPath(windowsPath: string, siteRoot: string, localRoot: string): string {
  const prefix = siteRoot.replace(/\\+$/, '');
  if (windowsPath.toLowerCase() !== prefix.toLowerCase() && !windowsPath.toLowerCase().startsWith(`${prefix.toLowerCase()}\\`)) return windowsPath;
  return join(localRoot, ...windowsPath.slice(prefix.length).split('\\').filter(Boolean));
}

function pairs(elements: Element[], keyAttribute: string): Record<string, string> {
  return Object.fromEntries(elements.map((element) => [element.getAttribute(keyAttribute) ?? '', element.getAttribute('value') ?? '']));
}

/** `<appSettings><add key value/>` of a web.config, as wfastcgi reads them. */
export function appSettingsOf(webConfig: string): Record<string, string> {
  const document = parseXml(webConfig, 'web.config');
  const appSettings = descendants(document, 'appSettings')[0];
  return appSettings ? pairs(descendants(appSettings, 'add'), 'key') : {};
}

/** Splits a Windows command line the simple way IIS arguments are written: spaces, double quotes. */
export function splitArguments(commandLine: string): string[] {
  return [...commandLine.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
}

export interface HttpPlatformProcess {
  processPath: string;
  arguments: string[];
  environment: Record<string, string>;
}

/** The process `<httpPlatform>` starts, with `%HTTP_PLATFORM_PORT%` replaced by `port`. */
export function httpPlatformProcess(webConfig: string, port: number): HttpPlatformProcess {
  const document = parseXml(webConfig, 'web.config');
  const platform = descendants(document, 'httpPlatform')[0];
  if (!platform) throw new Error('web.config has no <httpPlatform> element');
  const substitute = (value: string) => value.replaceAll('%HTTP_PLATFORM_PORT%', String(port));
  const environment = pairs(descendants(platform, 'environmentVariable'), 'name');
  return {
    processPath: platform.getAttribute('processPath') ?? '',
    arguments: splitArguments(platform.getAttribute('arguments') ?? '').map(substitute),
    environment: Object.fromEntries(Object.entries(environment).map(([name, value]) => [name, substitute(value)])),
  };
}

export interface WsgiResponse {
  status: number;
  body: string;
}

export interface FastCgiRequest {
  /** The site root as web.config names it, e.g. `D:\home\site\wwwroot`, and the local folder it maps to. */
  siteRoot: string;
  localRoot: string;
  /** Settings the platform adds to the environment (WEBSITE_HOSTNAME, SECRET_KEY, ...). */
  platformEnvironment?: Record<string, string>;
  path?: string;
  headers?: Record<string, string>;
}

/**
 * Takes PYTHONPATH, WSGI_HANDLER and the other app settings from a FastCGI web.config, resolves
 * the handler as wfastcgi does (import the module part, walk the attributes, call a part ending in
 * `()`), and serves one GET through it with wsgiref in `python` (a venv with the app installed).
 */
export function serveThroughWebConfig(python: string, webConfig: string, request: FastCgiRequest): WsgiResponse {
  const settings = appSettingsOf(webConfig);
  const handler = settings.WSGI_HANDLER;
  if (!handler) throw new Error('web.config has no WSGI_HANDLER app setting');
  const pythonPath = (settings.PYTHONPATH ?? '').split(';').filter(Boolean).map((entry) => localPath(entry, request.siteRoot, request.localRoot));
  const environ = { ...request.platformEnvironment, ...settings };
  const input = JSON.stringify({ path: pythonPath, environ, handler, request: { path: request.path ?? '/', headers: request.headers ?? {} } });
  const result = runOk(python, [HANDLER_SCRIPT], { cwd: request.localRoot, input, stdio: ['pipe', 'pipe', 'pipe'] });
  return JSON.parse(result.stdout) as WsgiResponse;
}
