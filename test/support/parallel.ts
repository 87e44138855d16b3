/** Running many slow, independent processes a few at a time. */
import { spawn, type SpawnOptions } from 'node:child_process';
import { cpus } from 'node:os';
import { BIN } from './paths.js';
import type { RunResult } from './run.js';

/** How many runs at once: the machine is shared, so at most one more than its cores. */
export const PARALLEL_RUNS = Math.max(2, Math.min(4, cpus().length + 1));

/** Like run(), without blocking: stdin closed, output collected, killed after `timeoutMs`. */
export function runAsync(command: string, args: readonly string[], options: SpawnOptions & { timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${options.timeoutMs} ms (it may be waiting for input)\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

/** `pyazure <args>` in `cwd` without blocking, as a user runs it without a terminal. */
export function pyazureAsync(args: readonly string[], cwd: string, timeoutMs = 60_000): Promise<RunResult> {
  return runAsync(process.execPath, [BIN, ...args], { cwd, timeoutMs });
}

/** Maps `items` through `work` with at most `limit` running at once, keeping the order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
