/**
 * A web role's application: the web app core's Flask or Django files, served by IIS through
 * wfastcgi, which the role installs with pip (App Service brings it with the Python site
 * extension; a role instance has no such extension).
 */
import { UsageError } from '../errors.js';
import { checkWebAppName, describeProblem } from '../naming.js';
import type { PlannedFile } from '../plan.js';
import { mergeRequirements } from '../project.js';
import { frameworkById, planAppFiles, renderStaticWebConfig, renderWebConfig, STATIC_DIR } from '../webapp/index.js';

/**
 * Where a web role's files are on an instance: IIS serves the copy in `sitesroot\0`, the startup
 * task runs from `approot` and installs Python into `approot\bin\python`. The drive differs between
 * instances, so ConfigureCloudService.ps1 rewrites these paths in web.config to the real ones.
 */
export const WEB_ROLE_PATHS = {
  siteRoot: 'E:\\sitesroot\\0',
  pythonExe: 'E:\\approot\\bin\\python\\tools\\python.exe',
  wfastcgiPath: 'E:\\approot\\bin\\python\\tools\\Lib\\site-packages\\wfastcgi.py',
  wsgiLog: 'E:\\approot\\bin\\logs\\wfastcgi.log',
} as const;

const WFASTCGI_REQUIREMENT = 'wfastcgi>=3.0,<4';

/** The app's Python package: the role name in lower case, so it must be a valid one. */
export function webRolePackage(roleName: string): string {
  const name = roleName.toLowerCase();
  const problem = checkWebAppName(name);
  if (problem) {
    throw new UsageError(describeProblem('Role name', roleName, { rule: `names the web app's Python package "${name}", which ${problem.rule}`, example: 'WebRole1' }));
  }
  return name;
}

/**
 * App settings wfastcgi puts in the app's environment: the framework's own, and the host name the
 * service answers at, named as App Service names it (the web app core's production settings read
 * WEBSITE_HOSTNAME).
 */
function webRoleSettings(frameworkId: string, name: string, serviceName: string): Record<string, string> {
  return { ...frameworkById(frameworkId).appSettings(name), WEBSITE_HOSTNAME: `${serviceName.toLowerCase()}.cloudapp.net` };
}

/** The web role's files, relative to the role folder. */
export function webRoleFiles(roleName: string, frameworkId: string, serviceName: string): Array<{ path: string; contents: string }> {
  const framework = frameworkById(frameworkId);
  const name = webRolePackage(roleName);
  const files: PlannedFile[] = planAppFiles(framework, name, { servers: ['wfastcgi'] }).map((file) =>
    file.path === 'requirements.txt' ? { ...file, contents: mergeRequirements(file.contents, [WFASTCGI_REQUIREMENT]) } : file,
  );
  files.push({
    path: 'web.config',
    contents: renderWebConfig({ handler: 'fastcgi', ...WEB_ROLE_PATHS, wsgiHandler: framework.wsgiHandler(name), appSettings: webRoleSettings(frameworkId, name, serviceName) }),
    mode: 'create',
  });
  if (framework.iisServesStatic) files.push({ path: `${STATIC_DIR}/web.config`, contents: renderStaticWebConfig(), mode: 'create' });
  return files;
}
