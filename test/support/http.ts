/** Servers started the way Azure starts them, on loopback, and requests to them. */
import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that is free now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP GET to 127.0.0.1:`port`, with the given headers (for example Host, X-Forwarded-Proto). */
export function httpGet(port: number, path: string, headers: Record<string, string> = {}): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers, timeout: 10_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/** A process started by a test, with everything it printed so far. */
export interface StartedProcess {
  child: ChildProcess;
  output(): string;
  /** Sends `signal` (SIGTERM by default) and resolves with the exit code, or rejects after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
}

export function startProcess(command: string, args: readonly string[], options: SpawnOptions = {}): StartedProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM', timeoutMs = 15_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`process did not exit within ${timeoutMs} ms of ${signal}:\n${output}`));
        }, timeoutMs);
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Polls GET `path` until it answers (any status) or `timeoutMs` passes; fails with the server's output. */
export async function waitForHttp(server: StartedProcess, port: number, path = '/', headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<HttpResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`server exited with ${server.child.exitCode} before answering:\n${server.output()}`);
    try {
      return await httpGet(port, path, headers);
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`no answer on port ${port} within ${timeoutMs} ms (${String(error)}):\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
