/**
 * The web framework catalog. A framework is one entry: what it needs installed and how each
 * server finds its WSGI application. Its files live in `templates/webapp/<id>/`.
 */
import { UsageError } from '../errors.js';

/** A WSGI application as `from <module> import <object>`. */
export interface WsgiEntry {
  module: string;
  object: string;
}

export interface FrameworkSpec {
  id: 'flask' | 'django';
  /** The framework's name as written in prose. */
  title: string;
  summary: string;
  /** requirements.txt lines the application needs on every server. */
  requirements: readonly string[];
  /** The WSGI application that gunicorn and runserver.py load (`<module>:<object>` for gunicorn). */
  wsgiEntry(name: string): WsgiEntry;
  /**
   * wfastcgi's `WSGI_HANDLER`: a dotted name resolved by importing its longest importable prefix
   * and walking the rest as attributes; a part ending in `()` is called. An application object must
   * not end in `()`, a factory must.
   */
  wsgiHandler(name: string): string;
  /** App settings the application needs from the server (environment variables). */
  appSettings(name: string): Record<string, string>;
  /** Whether `manage.py` at the root runs project commands (collectstatic, migrate). */
  managePy: boolean;
  /**
   * Whether IIS may serve the `static/` folder itself (with its own web.config). Not for Django:
   * its pages link hashed names that exist only in the collected `staticfiles/`, served by WhiteNoise.
   */
  iisServesStatic: boolean;
  /** Whether production refuses to start without a `SECRET_KEY` app setting (the infrastructure sets it). */
  needsSecretKey: boolean;
}

export const FRAMEWORKS: readonly FrameworkSpec[] = [
  {
    id: 'flask',
    title: 'Flask',
    summary: 'an app factory, and a root app.py exposing app',
    requirements: ['Flask>=3.1,<4'],
    // The root module app.py holds the application object `app`.
    wsgiEntry: () => ({ module: 'app', object: 'app' }),
    wsgiHandler: () => 'app.app',
    appSettings: () => ({}),
    managePy: false,
    iisServesStatic: true,
    needsSecretKey: false,
  },
  {
    id: 'django',
    title: 'Django',
    summary: 'a project with split settings, one app, WhiteNoise for static files',
    requirements: ['Django>=5.2,<6.1', 'whitenoise>=6.8,<7'],
    wsgiEntry: (name) => ({ module: `${name}.wsgi`, object: 'application' }),
    wsgiHandler: () => 'django.core.wsgi.get_wsgi_application()',
    // wfastcgi calls Django's factory directly, bypassing wsgi.py, so the settings module is explicit.
    appSettings: (name) => ({ DJANGO_SETTINGS_MODULE: `${name}.settings.production` }),
    managePy: true,
    iisServesStatic: false,
    needsSecretKey: true,
  },
];

export function frameworkById(id: string): FrameworkSpec {
  const framework = FRAMEWORKS.find((candidate) => candidate.id === id);
  if (!framework) throw new UsageError(`Unknown framework ${JSON.stringify(id)}: use one of ${FRAMEWORKS.map((known) => known.id).join(', ')}.`);
  return framework;
}

/** gunicorn's `module:object` argument for the framework's application. */
export function gunicornTarget(framework: FrameworkSpec, name: string): string {
  const entry = framework.wsgiEntry(name);
  return `${entry.module}:${entry.object}`;
}

/** The servers an application may run under; each adds its own requirement. */
export const SERVER_REQUIREMENTS = {
  /** App Service Linux runs gunicorn. */
  gunicorn: 'gunicorn>=23,<28',
  /** runserver.py serves with waitress: pure Python, runs on Windows, no reloader. */
  waitress: 'waitress>=3,<4',
  /** wfastcgi comes with the Python site extension, beside python.exe: nothing to install. */
  wfastcgi: undefined,
} as const;

export type ServerId = keyof typeof SERVER_REQUIREMENTS;
