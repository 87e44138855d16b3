/**
 * The files of a Flask or Django application, wherever it lives: the root of an App Service
 * project, or a Cloud Service web role's folder. The application, its tests, its requirements and
 * its tool settings; not the platform files around it.
 */
import type { PlannedFile } from '../plan.js';
import { renderDir, renderFile } from '../templates.js';
import { type FrameworkSpec, SERVER_REQUIREMENTS, type ServerId } from './frameworks.js';

/** The folder of static files, served at `/static/` by the app, or by IIS with its own web.config. */
export const STATIC_DIR = 'static';

/** The HttpPlatformHandler entry script, at the application root. */
export const RUNSERVER_FILE = 'runserver.py';

/** A template path segment standing for the application's package name. */
const PACKAGE_SEGMENT = '__package__';

export interface AppFilesOptions {
  /** The application's folder, relative to the destination; '' (the default) for the root. */
  baseDir?: string;
  /** The servers that will run the application; each adds what it needs to requirements.txt. */
  servers: readonly ServerId[];
}

function prefixed(baseDir: string, path: string): string {
  return baseDir === '' ? path : `${baseDir.replace(/\/+$/, '')}/${path}`;
}

/** requirements.txt for the framework under the given servers. */
export function requirementsFor(framework: FrameworkSpec, servers: readonly ServerId[]): string {
  const lines = [...framework.requirements];
  for (const server of servers) {
    const requirement = SERVER_REQUIREMENTS[server];
    if (requirement !== undefined && !lines.includes(requirement)) lines.push(requirement);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Every file of the application `name` (its Python package) built with `framework`, with paths
 * under `baseDir`, all in mode `create`. `name` must have passed checkWebAppName.
 */
export function planAppFiles(framework: FrameworkSpec, name: string, options: AppFilesOptions): PlannedFile[] {
  const baseDir = options.baseDir ?? '';
  const data = { name };
  const rendered = [...renderDir('webapp/shared', data), ...renderDir(`webapp/${framework.id}`, data)];
  const files: PlannedFile[] = rendered.map((file) => ({
    path: prefixed(baseDir, file.path.split('/').map((segment) => (segment === PACKAGE_SEGMENT ? name : segment)).join('/')),
    contents: file.contents,
    mode: 'create',
  }));
  files.push({ path: prefixed(baseDir, 'requirements.txt'), contents: requirementsFor(framework, options.servers), mode: 'create' });
  return files;
}

/**
 * runserver.py: serves the application with waitress on 127.0.0.1 at `--port`, for
 * HttpPlatformHandler. Its application needs {@link SERVER_REQUIREMENTS}.waitress installed.
 */
export function renderRunserver(framework: FrameworkSpec, name: string): string {
  return renderFile(`webapp/${RUNSERVER_FILE}.ejs`, { entry: framework.wsgiEntry(name) });
}
