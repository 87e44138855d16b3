/**
 * The package as users get it: `npm pack`, `npm install --global` into a private prefix, and `yo`
 * pointed at that prefix. Shared by the package e2e test and `npm run bench`.
 *
 * `yo` refuses to run as root: started as root, it switches to SUDO_UID/SUDO_GID (or uid 1000)
 * before it looks generators up. Everything it reads or writes (its HOME, the prefix, the
 * destination) must therefore be reachable by that user, which is what the helpers below ensure.
 */
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, parse } from 'node:path';
import { REPO_ROOT, tempDir } from './paths.js';
import { run, runOk, type RunResult } from './run.js';

const IS_ROOT = process.getuid?.() === 0;
/** The unprivileged user (nobody) yo switches to when started as root without sudo. */
const NOBODY = '65534';

const PACKAGE_NAME = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string }).name;

/** The repo's yo (a devDependency) entry point, run with this Node rather than its shebang. */
export const YO_CLI: string = (() => {
  const packageJson = createRequire(join(REPO_ROOT, 'package.json')).resolve('yo/package.json');
  const { bin } = JSON.parse(readFileSync(packageJson, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(packageJson), bin.yo!);
})();

export interface InstalledPackage {
  /** Temp folder holding the tarball, the prefix and the HOME; removed by {@link cleanup}. */
  root: string;
  tarball: string;
  /** Files in the tarball as `npm pack --json` reports them (package-relative POSIX paths). */
  packedFiles: string[];
  /** The npm prefix the tarball is installed into; yo finds generators in its global root. */
  prefix: string;
  /** `<prefix>/lib/node_modules/<name>`: the installed package. */
  packageDir: string;
  /** A HOME that yo (and the npm it spawns) may write to. */
  home: string;
  cleanup(): void;
}

/** The environment without npm's per-script variables (`npm run` sets npm_config_prefix=/usr, ...). */
function withoutNpmVariables(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

/** As root, fails early when a parent of `dir` cannot be traversed by the user yo switches to. */
function assertReachableByOthers(dir: string): void {
  if (!IS_ROOT) return;
  for (let current = dirname(dir); current !== parse(current).root; current = dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) {
      throw new Error(`${current} is not searchable by other users, so yo (which drops root) cannot reach ${dir}; set TMPDIR to a folder such as /tmp.`);
    }
  }
}

/** A new temp folder anyone may write to, e.g. the parent of yo destinations. */
export function worldWritableTempDir(prefix: string): string {
  const dir = tempDir(prefix);
  chmodSync(dir, 0o777);
  assertReachableByOthers(dir);
  return dir;
}

/**
 * An empty destination `<parent>/<name>` that yo may write to. The name matters: generated READMEs
 * are titled after the destination folder.
 */
export function yoDestination(parent: string, name: string): string {
  const dir = join(parent, name);
  mkdirSync(dir);
  chmodSync(dir, 0o777);
  return dir;
}

/**
 * Packs the repo (dist must be built) and installs the tarball globally into a fresh prefix, its
 * dependencies coming from the registry or npm's cache. Takes a few seconds: do it once.
 */
export function packAndInstall(): InstalledPackage {
  const root = tempDir('package');
  const cleanup = (): void => rmSync(root, { recursive: true, force: true });
  try {
    chmodSync(root, 0o755);
    assertReachableByOthers(root);
    assertReachableByOthers(YO_CLI);
    const env = withoutNpmVariables();
    const packed = JSON.parse(runOk('npm', ['pack', '--json', '--pack-destination', root], { cwd: REPO_ROOT, env }).stdout) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    const tarball = join(root, packed[0]!.filename);
    const prefix = join(root, 'prefix');
    runOk('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: root, env });
    const packageDir = join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', PACKAGE_NAME);
    // npm keeps the installing user's umask; yo's user must be able to read what root installed.
    if (IS_ROOT && (statSync(join(packageDir, 'package.json')).mode & 0o004) === 0) runOk('chmod', ['-R', 'a+rX', prefix]);
    const home = join(root, 'home');
    mkdirSync(home);
    chmodSync(home, 0o777);
    return { root, tarball, packedFiles: packed[0]!.files.map((file) => file.path), prefix, packageDir, home, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/**
 * The environment for `yo` to find generators in the prefix's global root (yo's lookup asks
 * `npm root -g`, which follows npm_config_prefix) and to run unattended: a writable HOME, no update
 * check, and as root an explicit user to switch to.
 */
export function yoEnv(installed: InstalledPackage): NodeJS.ProcessEnv {
  const env = withoutNpmVariables();
  // Other lookup roots would let yo pick up a different copy of the generator.
  for (const key of ['NODE_PATH', 'NVM_HOME', 'NVM_PATH', 'PNPM_HOME']) delete env[key];
  Object.assign(env, {
    HOME: installed.home,
    XDG_CONFIG_HOME: join(installed.home, '.config'),
    XDG_CACHE_HOME: join(installed.home, '.cache'),
    npm_config_prefix: installed.prefix,
    npm_config_update_notifier: 'false',
    NO_UPDATE_NOTIFIER: '1',
  });
  if (IS_ROOT && !env.SUDO_UID) {
    env.SUDO_UID = NOBODY;
    env.SUDO_GID = NOBODY;
  }
  return env;
}

/** `yo <args>` in `cwd` with stdin closed, finding the generator installed by {@link packAndInstall}. */
export function yo(installed: InstalledPackage, args: readonly string[], cwd: string): RunResult {
  return run(process.execPath, [YO_CLI, ...args], { cwd, env: yoEnv(installed) });
}
