/**
 * Web applications for IIS and gunicorn, shared by the App Service generator and Cloud Service
 * web roles:
 *
 * - {@link FRAMEWORKS}: the framework catalog (requirements, WSGI entry, wfastcgi handler, app settings).
 * - {@link planAppFiles}: the application's files under a base folder (PlannedFile[]).
 * - {@link renderRunserver}: runserver.py for HttpPlatformHandler.
 * - {@link renderWebConfig} / {@link renderStaticWebConfig}: IIS web.config, FastCGI or HttpPlatformHandler.
 */
export { FRAMEWORKS, frameworkById, gunicornTarget, SERVER_REQUIREMENTS, type FrameworkSpec, type ServerId, type WsgiEntry } from './frameworks.js';
export { planAppFiles, renderRunserver, requirementsFor, RUNSERVER_FILE, STATIC_DIR, type AppFilesOptions } from './app-files.js';
export {
  HTTP_PLATFORM_PORT,
  renderStaticWebConfig,
  renderWebConfig,
  windowsArgument,
  type FastCgiWebConfig,
  type HttpPlatformWebConfig,
  type WebConfig,
} from './webconfig.js';
