/**
 * Quality gates on a generated project besides ruff and bandit (see quality.ts): no secret in a file
 * that git would commit, local settings kept out of both git and the deployment package, and HTTP
 * functions closed by default. Ignore rules are evaluated by git itself, not re-implemented.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from './paths.js';
import { run, runOk } from './run.js';
import { readTree } from './tree.js';

/** Git with a throw-away repository over `workTree`: nothing is written into the project. */
function withGit<T>(workTree: string, use: (git: (args: readonly string[]) => ReturnType<typeof run>) => T): T {
  const gitDir = join(tempDir('git'), '.git');
  try {
    runOk('git', ['init', '--quiet', dirname(gitDir)]);
    return use((args) => run('git', ['--git-dir', gitDir, '--work-tree', workTree, '-c', 'core.excludesFile=', ...args], { cwd: workTree }));
  } finally {
    rmSync(dirname(gitDir), { recursive: true, force: true });
  }
}

/** The project's files git would commit: everything its .gitignore files do not exclude. */
export function committedFiles(projectDir: string): string[] {
  return withGit(projectDir, (git) => {
    const result = git(['ls-files', '--others', '--exclude-standard', '-z']);
    assert.equal(result.code, 0, result.stderr);
    return result.stdout.split('\0').filter(Boolean).sort();
  });
}

/**
 * Which of `paths` the ignore file `ignoreFile` (gitignore syntax, as .funcignore is read by the
 * Functions tools) excludes, evaluated by git on a scratch tree that holds just those paths.
 */
export function ignoredBy(ignoreFile: string, paths: readonly string[]): string[] {
  const scratch = tempDir('ignore');
  try {
    for (const path of paths) {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), '');
    }
    writeFileSync(join(scratch, '.gitignore'), readFileSync(ignoreFile));
    return withGit(scratch, (git) => paths.filter((path) => git(['check-ignore', '--no-index', '--quiet', path]).code === 0));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** What a secret looks like in text: keys, passwords, tokens, connection strings with keys, private keys. */
const SECRET_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['a storage or Service Bus key in a connection string', /(AccountKey|SharedAccessKey|SharedAccessSignature)=(?!\s*[;"'<$%{])[^;"'\s]{8,}/i],
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['a hard-coded password, secret, key or token', /\b[\w-]*(password|passwd|secret|api[_-]?key|access[_-]?key|token)[\w-]*\b["']?\s*[:=]\s*["'][^"'\s]{8,}["']/i],
  ['a long base64 value (a key?)', /(?<![\w/+])[A-Za-z0-9+/]{40,}={1,2}(?![\w/+=])/],
  ['an Azure Functions host or function key', /[?&]code=[A-Za-z0-9_\-]{20,}/],
];

/** A finding: the file, and what it seems to hold. */
export interface SecretFinding {
  path: string;
  kinds: string[];
}

/** Secrets in the files git would commit; ignored files (local.settings.json, .env) may hold them. */
export function secretsInCommittedFiles(projectDir: string): SecretFinding[] {
  const files = readTree(projectDir);
  const findings: SecretFinding[] = [];
  for (const path of committedFiles(projectDir)) {
    const contents = files.get(path);
    if (contents === undefined) continue;
    const kinds = SECRET_PATTERNS.filter(([, pattern]) => pattern.test(contents)).map(([kind]) => kind);
    if (kinds.length > 0) findings.push({ path, kinds });
  }
  return findings;
}

export function assertNoSecretsCommitted(projectDir: string): number {
  assert.deepEqual(secretsInCommittedFiles(projectDir), [], 'secrets in files that are not git-ignored');
  return committedFiles(projectDir).length;
}

/** local.settings.json (app settings and secrets for local runs) is neither committed nor deployed. */
export function assertLocalSettingsIgnored(projectDir: string): void {
  for (const ignoreFile of ['.gitignore', '.funcignore']) {
    assert.deepEqual(ignoredBy(join(projectDir, ignoreFile), ['local.settings.json']), ['local.settings.json'], `${ignoreFile} does not exclude local.settings.json`);
  }
  assert.ok(!committedFiles(projectDir).includes('local.settings.json'), 'git would commit local.settings.json');
}

/**
 * Every HTTP function of a Functions app requires a function key: `authLevel: function` in each v1
 * function.json, and no other `AuthLevel` in v2 Python code. Returns how many were checked.
 */
export function assertHttpFunctionsNeedKeys(projectDir: string): number {
  let checked = 0;
  for (const [path, contents] of readTree(projectDir)) {
    if (path.endsWith('/function.json')) {
      const bindings = (JSON.parse(contents) as { bindings?: Array<Record<string, unknown>> }).bindings ?? [];
      for (const binding of bindings.filter((candidate) => candidate.type === 'httpTrigger')) {
        assert.equal(binding.authLevel, 'function', `${path}: authLevel is ${JSON.stringify(binding.authLevel)}`);
        checked++;
      }
    } else if (path.endsWith('.py') && !path.startsWith('tests/')) {
      const levels = [...contents.matchAll(/AuthLevel\.([A-Z]+)/g)].map((match) => match[1]);
      assert.deepEqual(levels.filter((level) => level !== 'FUNCTION'), [], `${path} opens an HTTP function`);
      // On the app itself, or on a blueprint that function_app.py registers.
      checked += [...contents.matchAll(/@(?:app|bp)\.route\(/g)].length;
    }
  }
  return checked;
}

/**
 * Django's own deployment checklist (`manage.py check --deploy`), failing on warnings too, with
 * the environment a deployment sets (for example DJANGO_SECRET_KEY). Run it with the project's venv.
 */
export function assertDjangoDeployCheck(python: string, projectDir: string, env: Record<string, string>): void {
  const result = run(python, ['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'], { cwd: projectDir, env: { ...process.env, ...env } });
  assert.equal(result.code, 0, `manage.py check --deploy:\n${result.stdout}\n${result.stderr}`);
}
