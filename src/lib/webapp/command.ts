import type { CommandSpec } from '../command.js';
import { checkIntegerRange, checkSiteExtension, checkStartupFile, checkWebAppName } from '../naming.js';
import type { Answers } from '../options.js';
import { frameworkById, FRAMEWORKS } from './frameworks.js';

/** Python versions App Service on Linux runs. */
export const WEBAPP_PYTHON_VERSIONS = [
  { value: '3.11', summary: 'supported' },
  { value: '3.12', summary: 'supported' },
  { value: '3.13', summary: 'supported' },
  { value: '3.14', summary: 'supported' },
];

/** The newest Python site extension id the platform documentation names. */
export const DEFAULT_SITE_EXTENSION = 'python3111x64';

const onLinux = (answers: Answers) => answers.os === 'linux';
const onWindows = (answers: Answers) => answers.os === 'windows';
/** Startup tasks run through manage.py. */
const withManagePyOnLinux = (answers: Answers) => onLinux(answers) && frameworkById(answers.framework as string).managePy;

export const WEBAPP_COMMAND: CommandSpec = {
  name: 'webapp',
  summary: 'A Flask or Django web app for App Service: Linux startup files, or a Windows web.config.',
  options: [
    {
      name: 'name',
      kind: 'string',
      positional: true,
      label: 'Web app name',
      required: true,
      description: "The app's Python package (Flask) or Django project package: lower-case letters, digits and underscores.",
      prompt: 'Python package name of the app',
      check: checkWebAppName,
      example: 'mysite',
    },
    {
      name: 'framework',
      kind: 'choice',
      description: 'The web framework.',
      prompt: 'Framework',
      choices: FRAMEWORKS.map((framework) => ({ value: framework.id, summary: framework.summary })),
      default: 'flask',
      teamDefault: true,
    },
    {
      name: 'os',
      kind: 'choice',
      description: 'The App Service operating system.',
      prompt: 'Operating system',
      choices: [
        { value: 'linux', summary: 'gunicorn started by a startup file; the supported platform' },
        { value: 'windows', summary: 'IIS with a web.config; legacy, Python on Windows is no longer supported' },
      ],
      default: 'linux',
      teamDefault: true,
    },
    {
      name: 'python',
      kind: 'choice',
      description: 'Python version of the Linux site (linuxFxVersion PYTHON|<version>).',
      prompt: 'Python version',
      choices: WEBAPP_PYTHON_VERSIONS,
      default: '3.13',
      teamDefault: true,
      when: onLinux,
      appliesTo: 'with --os linux',
    },
    {
      name: 'workers',
      kind: 'string',
      description: 'gunicorn worker processes (the WEB_CONCURRENCY app setting overrides it).',
      default: '2',
      check: checkIntegerRange(1, 64, 2),
      example: '2',
      teamDefault: true,
      when: onLinux,
      appliesTo: 'with --os linux',
    },
    {
      name: 'threads',
      kind: 'string',
      description: 'Threads per gunicorn worker (the PYTHON_GUNICORN_THREADS app setting overrides it).',
      default: '4',
      check: checkIntegerRange(1, 64, 4),
      example: '4',
      teamDefault: true,
      when: onLinux,
      appliesTo: 'with --os linux',
    },
    {
      name: 'timeout',
      kind: 'string',
      description: "gunicorn's worker timeout in seconds, within the front end's 230 s request limit.",
      default: '120',
      check: checkIntegerRange(1, 230, 120),
      example: '120',
      teamDefault: true,
      when: onLinux,
      appliesTo: 'with --os linux',
    },
    {
      name: 'startupFile',
      kind: 'string',
      description: "The startup file in the app root, the site's startup command.",
      default: 'startup.sh',
      check: checkStartupFile,
      example: 'startup.sh',
      teamDefault: true,
      when: onLinux,
      appliesTo: 'with --os linux',
    },
    {
      name: 'collectStatic',
      kind: 'boolean',
      description: 'Also run collectstatic in the startup file (the platform build already runs it).',
      default: false,
      when: withManagePyOnLinux,
      appliesTo: 'with --framework django --os linux',
    },
    {
      name: 'migrate',
      kind: 'boolean',
      description: 'Run migrate in the startup file before gunicorn starts.',
      default: false,
      when: withManagePyOnLinux,
      appliesTo: 'with --framework django --os linux',
    },
    {
      name: 'ci',
      kind: 'choice',
      description: 'A CI/CD workflow that tests and deploys the app.',
      prompt: 'CI/CD workflow',
      choices: [
        { value: 'none', summary: 'no workflow' },
        { value: 'github', summary: 'GitHub Actions: azure/login (OIDC) and azure/webapps-deploy' },
      ],
      default: 'none',
      teamDefault: true,
      when: onLinux,
      appliesTo: 'with --os linux',
    },
    {
      name: 'handler',
      kind: 'choice',
      description: 'How IIS runs Python.',
      prompt: 'IIS handler',
      choices: [
        { value: 'httpplatform', summary: 'HttpPlatformHandler starts runserver.py; what Microsoft now recommends for IIS' },
        { value: 'fastcgi', summary: 'FastCGI through wfastcgi and WSGI_HANDLER' },
      ],
      default: 'httpplatform',
      teamDefault: true,
      when: onWindows,
      appliesTo: 'with --os windows',
    },
    {
      name: 'siteExtension',
      kind: 'string',
      description: 'The Python site extension that provides D:\\home\\<id>\\python.exe.',
      default: DEFAULT_SITE_EXTENSION,
      check: checkSiteExtension,
      example: DEFAULT_SITE_EXTENSION,
      teamDefault: true,
      when: onWindows,
      appliesTo: 'with --os windows',
    },
  ],
  examples: [
    'pyazure webapp mysite --framework flask',
    'pyazure webapp mysite --framework django --workers 3 --ci github',
    'pyazure webapp mysite --framework django --os windows --handler fastcgi',
  ],
};
