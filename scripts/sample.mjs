// Generates the sample Functions app of the README's quick start into ./sample-app, with defaults.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const target = fileURLToPath(new URL('../sample-app/', import.meta.url));
rmSync(target, { recursive: true, force: true });
mkdirSync(target);
const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const { status } = spawnSync(process.execPath, [bin, 'function', 'HttpExample', '--no-interactive'], { cwd: target, stdio: 'inherit' });
if (status === 0) console.log(`\nThe sample app is in ${target}`);
process.exitCode = status ?? 1;
