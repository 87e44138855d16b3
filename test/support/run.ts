import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { BIN } from './paths.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion with stdin closed (as CI does) and returns its output. */
export function run(command: string, args: readonly string[], options: SpawnSyncOptions = {}): RunResult {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return { code: result.status ?? 128, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** `pyazure <args>` in `cwd`, exactly as a user runs the published bin without a terminal. */
export function pyazure(args: readonly string[], cwd: string): RunResult {
  return run(process.execPath, [BIN, ...args], { cwd });
}

/** Like {@link run}, but fails with the command's output when it exits non-zero. */
export function runOk(command: string, args: readonly string[], options: SpawnSyncOptions = {}): RunResult {
  const result = run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}
