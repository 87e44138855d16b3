/**
 * The quality gates a careful Python team runs, applied to a generated project: ruff (lint and
 * format, with the project's own configuration) and bandit (no medium or high findings).
 */
import { PIP_CACHE } from './paths.js';
import { runOk } from './run.js';

const GATE_TOOLS = ['ruff', 'bandit'];
const toolEnvironment = { ...process.env, PIP_CACHE_DIR: PIP_CACHE, PIP_DISABLE_PIP_VERSION_CHECK: '1', PYTHONDONTWRITEBYTECODE: '1' };

/** Folders the gates never look into: the venv and tool caches are not the project's code. */
const EXCLUDED = ['.venv', '.ruff_cache', '.pytest_cache', 'staticfiles'];

/**
 * Installs ruff and bandit into the project's venv (given by its python) and runs them from the
 * project root; throws with the tools' output on any finding.
 */
export function checkQuality(python: string, projectDir: string): void {
  runOk(python, ['-m', 'pip', 'install', '--quiet', ...GATE_TOOLS], { cwd: projectDir, env: toolEnvironment });
  const exclude = EXCLUDED.join(',');
  runOk(python, ['-m', 'ruff', 'check', '--no-cache', '--extend-exclude', exclude, '.'], { cwd: projectDir, env: toolEnvironment });
  runOk(python, ['-m', 'ruff', 'format', '--check', '--no-cache', '--extend-exclude', exclude, '.'], { cwd: projectDir, env: toolEnvironment });
  // -ll: medium severity and up; low findings (assert in tests) are not failures.
  runOk(python, ['-m', 'bandit', '-q', '-r', '-ll', '-x', EXCLUDED.map((folder) => `./${folder}`).join(','), '.'], { cwd: projectDir, env: toolEnvironment });
}
