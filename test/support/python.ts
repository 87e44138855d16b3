import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PIP_CACHE } from './paths.js';
import { type RunResult, runOk } from './run.js';

/** The interpreter that creates test venvs; any Python the generated project supports. */
export const PYTHON = process.env.PYAZURE_PYTHON ?? 'python3';

const pipEnvironment = { ...process.env, PIP_CACHE_DIR: PIP_CACHE, PIP_DISABLE_PIP_VERSION_CHECK: '1', PYTHONDONTWRITEBYTECODE: '1' };

/** The venv's interpreter. */
export function venvPython(projectDir: string): string {
  return join(projectDir, '.venv', 'bin', 'python');
}

/**
 * Creates `.venv` in the project and installs its requirements from PyPI the way a developer
 * does (`pip install -r requirements.txt`), plus `extra` pip arguments; returns the venv's python.
 */
export function installProject(projectDir: string, extra: readonly string[] = ['pytest']): string {
  if (!existsSync(venvPython(projectDir))) runOk(PYTHON, ['-m', 'venv', '.venv'], { cwd: projectDir });
  const python = venvPython(projectDir);
  runOk(python, ['-m', 'pip', 'install', '--quiet', '-r', 'requirements.txt', ...extra], { cwd: projectDir, env: pipEnvironment });
  return python;
}

export interface PytestOutcome extends RunResult {
  passed: number;
}

/** Runs the project's own tests (`python -m pytest` from its root) and requires them to pass. */
export function runPytest(projectDir: string): PytestOutcome {
  const result = runOk(venvPython(projectDir), ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], { cwd: projectDir, env: pipEnvironment });
  const passed = Number(/(\d+) passed/.exec(result.stdout)?.[1] ?? 0);
  if (/\d+ (failed|error)/.test(result.stdout)) throw new Error(`pytest reported failures:\n${result.stdout}`);
  return { ...result, passed };
}

/** Compiles every given Python file in one interpreter run; throws with the first syntax error. */
export function compilePython(python: string, projectDir: string, files: readonly string[]): void {
  const script = 'import sys\nfor path in sys.argv[1:]:\n    compile(open(path, encoding="utf-8").read(), path, "exec")\n';
  runOk(python, ['-c', script, ...files], { cwd: projectDir });
}
