/**
 * Helpers for Functions apps in end-to-end tests: the worker-load check, a venv shared by apps
 * that install the same requirements, and runs in parallel where they are independent.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BIN, PIP_CACHE, REPO_ROOT } from './paths.js';
import { PYTHON } from './python.js';
import { type RunResult, runOk } from './run.js';

const pipEnvironment = { ...process.env, PIP_CACHE_DIR: PIP_CACHE, PIP_DISABLE_PIP_VERSION_CHECK: '1', PYTHONDONTWRITEBYTECODE: '1' };

const LOAD_CHECK = join(REPO_ROOT, 'test', 'support', 'functions_load_check.py');

export interface LoadedFunction {
  name: string;
  bindings: Record<string, unknown>[];
}

export interface LoadReport {
  model: 'v1' | 'v2';
  functions: LoadedFunction[];
  problems: string[];
}

/** Runs a command asynchronously with stdin closed, so independent runs overlap. */
export function runAsync(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 128, stdout, stderr }));
  });
}

/** Runs `task` over `items`, at most `limit` at a time (the machine has two cores). */
export async function inParallel<T, R>(items: readonly T[], task: (item: T) => Promise<R>, limit = 2): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** `pyazure <args>` in `cwd`, as a user runs the bin without a terminal, without blocking. */
export function pyazureAsync(args: readonly string[], cwd: string): Promise<RunResult> {
  return runAsync(process.execPath, [BIN, ...args], cwd);
}

/** A venv in `dir`, returning its python. */
export function createVenv(dir: string): string {
  runOk(PYTHON, ['-m', 'venv', dir]);
  return join(dir, 'bin', 'python');
}

/**
 * Every app's own `pip install -r requirements-dev.txt` (which includes its requirements.txt), in
 * one pip run against the shared venv: pip fails on any file that does not resolve.
 */
export function installApps(python: string, apps: readonly string[]): void {
  runOk(python, ['-m', 'pip', 'install', '--quiet', ...apps.flatMap((app) => ['-r', join(app, 'requirements-dev.txt')])], { env: pipEnvironment });
}

/** Loads the app the way the Python worker does (see functions_load_check.py) and returns the report. */
export async function loadApp(python: string, app: string): Promise<LoadReport> {
  const result = await runAsync(python, [LOAD_CHECK, app], app, pipEnvironment);
  if (result.code !== 0) throw new Error(`The load check crashed in ${app}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as LoadReport;
}

/** The app's own tests with the given interpreter; throws unless they all pass. Returns how many passed. */
export async function runAppTests(python: string, app: string): Promise<number> {
  const result = await runAsync(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], app, pipEnvironment);
  if (result.code !== 0 || /\d+ (failed|error)/.test(result.stdout)) throw new Error(`pytest failed in ${app}:\n${result.stdout}\n${result.stderr}`);
  return Number(/(\d+) passed/.exec(result.stdout)?.[1] ?? 0);
}
