/**
 * The Django deployment gate (gates.ts) on two minimal projects: one with Django's development
 * settings fails it, one with the settings a deployment needs passes. Generated Django projects
 * are held to it in the web app's own e2e tests.
 */
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFiles } from '../support/folder.js';
import { assertDjangoDeployCheck } from '../support/gates.js';
import { PIP_CACHE, tempDir } from '../support/paths.js';
import { PYTHON } from '../support/python.js';
import { runOk } from '../support/run.js';

const SETTINGS_COMMON = `
import os
ROOT_URLCONF = "site_urls"
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "django.contrib.sessions"]
DATABASES = {}
`;

const DEVELOPMENT = `${SETTINGS_COMMON}
SECRET_KEY = "django-insecure-development-only"
DEBUG = True
ALLOWED_HOSTS = []
MIDDLEWARE = []
`;

const DEPLOYMENT = `${SETTINGS_COMMON}
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["orders.azurewebsites.net"]
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.csrf.CsrfViewMiddleware", "django.middleware.clickjacking.XFrameOptionsMiddleware"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
`;

const MANAGE = `import os
import sys

from django.core.management import execute_from_command_line

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
execute_from_command_line(sys.argv)
`;

describe('the Django deployment gate', function () {
  const root = tempDir('django-gate');
  let python: string;
  before(function () {
    runOk(PYTHON, ['-m', 'venv', join(root, '.venv')]);
    python = join(root, '.venv', 'bin', 'python');
    runOk(python, ['-m', 'pip', 'install', '--quiet', 'django>=5.2,<6'], { env: { ...process.env, PIP_CACHE_DIR: PIP_CACHE, PIP_DISABLE_PIP_VERSION_CHECK: '1' } });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const project = (settings: string): string => {
    const dir = join(tempDir('django-project'), 'site');
    writeFiles(dir, { 'manage.py': MANAGE, 'settings.py': settings, 'site_urls.py': 'urlpatterns = []\n' });
    return dir;
  };

  it("fails with Django's development settings", function () {
    const dir = project(DEVELOPMENT);
    try {
      assert.throws(() => assertDjangoDeployCheck(python, dir, {}), /security\.W0\d\d/);
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });

  it('passes with the settings a deployment needs', function () {
    const dir = project(DEPLOYMENT);
    try {
      assertDjangoDeployCheck(python, dir, { DJANGO_SECRET_KEY: 'k7#Qm2!vR9zT4xW8pL1nB6cY3hJ5gF0dS-aE_uK+oI=tZqXwVbNmPlOiUyTrEwQ' });
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });
});
