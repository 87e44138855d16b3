/**
 * Answers -> the files of a new App Service web app: the application (shared with Cloud Service
 * web roles), and around it the Linux startup files and infrastructure, or the Windows web.config
 * variant and its ARM template.
 */
import type { Answers } from '../options.js';
import type { Plan, PlannedFile } from '../plan.js';
import { renderDir } from '../templates.js';
import { planAppFiles, renderRunserver, RUNSERVER_FILE, STATIC_DIR } from './app-files.js';
import { frameworkById, gunicornTarget, type FrameworkSpec, type ServerId } from './frameworks.js';
import { HTTP_PLATFORM_PORT, renderStaticWebConfig, renderWebConfig, type WebConfig } from './webconfig.js';

/** Where App Service on Windows puts the site, its logs and the site extensions. */
const HOME = 'D:\\home';
export const APP_SERVICE_SITE_ROOT = `${HOME}\\site\\wwwroot`;
const LOG_FILES = `${HOME}\\LogFiles`;

const ARM_API_VERSION = '2024-04-01';

/** The App Service web.config for the chosen handler, with the site extension's interpreter. */
export function appServiceWebConfig(framework: FrameworkSpec, name: string, handler: 'fastcgi' | 'httpplatform', siteExtension: string): WebConfig {
  const extensionRoot = `${HOME}\\${siteExtension}`;
  const common = { pythonExe: `${extensionRoot}\\python.exe`, siteRoot: APP_SERVICE_SITE_ROOT, appSettings: framework.appSettings(name) };
  if (handler === 'fastcgi') {
    return {
      ...common,
      handler,
      wfastcgiPath: `${extensionRoot}\\wfastcgi.py`,
      wsgiHandler: framework.wsgiHandler(name),
      wsgiLog: `${LOG_FILES}\\wfastcgi.log`,
    };
  }
  return {
    ...common,
    handler,
    arguments: [`${APP_SERVICE_SITE_ROOT}\\${RUNSERVER_FILE}`, '--port', HTTP_PLATFORM_PORT],
    stdoutLogFile: `${LOG_FILES}\\python.log`,
  };
}

/** ARM template: a Windows plan, the site, and the Python site extension as its nested resource. */
export function appServiceArmTemplate(framework: FrameworkSpec, siteExtension: string): object {
  const site = "[resourceId('Microsoft.Web/sites', parameters('siteName'))]";
  const { needsSecretKey } = framework;
  return {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      siteName: { type: 'string', defaultValue: "[concat('app-', uniqueString(resourceGroup().id))]", metadata: { description: 'Name of the web app.' } },
      location: { type: 'string', defaultValue: '[resourceGroup().location]' },
      sku: { type: 'string', defaultValue: 'B1', metadata: { description: 'App Service plan size.' } },
      ...(needsSecretKey ? { secretKey: { type: 'securestring', metadata: { description: 'Django SECRET_KEY: a long random value.' } } } : {}),
    },
    variables: { planName: "[concat(parameters('siteName'), '-plan')]" },
    resources: [
      {
        type: 'Microsoft.Web/serverfarms',
        apiVersion: ARM_API_VERSION,
        name: "[variables('planName')]",
        location: "[parameters('location')]",
        kind: 'app',
        sku: { name: "[parameters('sku')]" },
        properties: { reserved: false },
      },
      {
        type: 'Microsoft.Web/sites',
        apiVersion: ARM_API_VERSION,
        name: "[parameters('siteName')]",
        location: "[parameters('location')]",
        kind: 'app',
        dependsOn: ["[resourceId('Microsoft.Web/serverfarms', variables('planName'))]"],
        properties: {
          serverFarmId: "[resourceId('Microsoft.Web/serverfarms', variables('planName'))]",
          httpsOnly: true,
          siteConfig: {
            // The worker process must match the extension's bitness.
            use32BitWorkerProcess: siteExtension.endsWith('x86'),
            alwaysOn: true,
            healthCheckPath: '/health',
            minTlsVersion: '1.2',
            ftpsState: 'Disabled',
            appSettings: needsSecretKey ? [{ name: 'SECRET_KEY', value: "[parameters('secretKey')]" }] : [],
          },
        },
        resources: [{ type: 'siteextensions', apiVersion: ARM_API_VERSION, name: siteExtension, dependsOn: [site] }],
      },
    ],
    outputs: { uri: { type: 'string', value: "[concat('https://', reference(parameters('siteName')).defaultHostName)]" } },
  };
}

export function planWebApp(answers: Answers, appName: string): Plan {
  const name = answers.name as string;
  const framework = frameworkById(answers.framework as string);
  const windows = answers.os === 'windows';
  const handler = answers.handler as 'fastcgi' | 'httpplatform' | undefined;
  const servers: ServerId[] = !windows ? ['gunicorn'] : handler === 'fastcgi' ? ['wfastcgi'] : ['waitress'];
  const data = {
    ...answers,
    appName,
    windows,
    ci: answers.ci === 'github',
    frameworkTitle: framework.title,
    iisServesStatic: framework.iisServesStatic,
    target: gunicornTarget(framework, name),
    collectStatic: answers.collectStatic === true,
    migrate: answers.migrate === true,
    secretKey: framework.needsSecretKey,
  };
  const create = (path: string, contents: string): PlannedFile => ({ path, contents, mode: 'create' });
  const files: PlannedFile[] = [...planAppFiles(framework, name, { servers }), ...renderDir('webapp/project', data).map((file) => create(file.path, file.contents))];

  if (!windows) {
    for (const file of renderDir('webapp/linux', data)) {
      files.push(create(file.path === 'startup.sh' ? (answers.startupFile as string) : file.path, file.contents));
    }
    if (data.ci) files.push(...renderDir('webapp/github', data).map((file) => create(file.path, file.contents)));
  } else {
    const siteExtension = answers.siteExtension as string;
    files.push(create('web.config', renderWebConfig(appServiceWebConfig(framework, name, handler!, siteExtension))));
    if (handler === 'httpplatform') files.push(create(RUNSERVER_FILE, renderRunserver(framework, name)));
    if (framework.iisServesStatic) files.push(create(`${STATIC_DIR}/web.config`, renderStaticWebConfig()));
    files.push(create('azuredeploy.json', `${JSON.stringify(appServiceArmTemplate(framework, siteExtension), null, 2)}\n`));
  }

  const where = windows ? `Windows (${handler}, ${answers.siteExtension})` : `Linux (Python ${answers.python}, ${answers.startupFile})`;
  return {
    files,
    createsProject: true,
    summary: `Created the ${data.frameworkTitle} web app ${name} for App Service on ${where}.`,
    nextSteps: [
      'python3 -m venv .venv && . .venv/bin/activate',
      'python -m pip install -r requirements-dev.txt',
      'python -m pytest',
      windows ? 'az deployment group create --resource-group <group> --template-file azuredeploy.json' : 'azd up',
    ],
  };
}
