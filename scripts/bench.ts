/**
 * `npm run bench`: median wall time of creating a new Functions app in a fresh empty folder with
 *   pyazure  `pyazure function BenchApp --trigger http` (node dist/cli.js),
 *   yo       `yo pyazure:function BenchApp --trigger http` (the packed package installed globally),
 *   floor    a plain `node <script>` writing the same files from a JSON manifest,
 * and how far each is above the floor. Runs: BENCH_RUNS or `--runs N` (default 7).
 * Every timed run must exit 0 and leave exactly the expected files, so a failing run cannot look fast.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BIN } from '../test/support/paths.js';
import { runOk, type RunResult } from '../test/support/run.js';
import { diffTrees, readTree } from '../test/support/tree.js';
import { type InstalledPackage, packAndInstall, worldWritableTempDir, YO_CLI, yoDestination, yoEnv } from '../test/support/yo.js';

const APP = 'BenchApp';
const ARGS = ['function', APP, '--trigger', 'http'];

function runsWanted(): number {
  const argv = process.argv.slice(2);
  const flag = argv.findIndex((arg) => arg === '--runs' || arg.startsWith('--runs='));
  const raw = flag < 0 ? process.env.BENCH_RUNS : argv[flag]!.includes('=') ? argv[flag]!.slice('--runs='.length) : argv[flag + 1];
  if (raw === undefined) return 7;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${JSON.stringify(raw)}`);
  return runs;
}

/** Writes every file of a manifest ([path, contents] pairs) below the current folder. */
const FLOOR_SCRIPT = `import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
for (const [path, contents] of JSON.parse(readFileSync(process.argv[2], 'utf8'))) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
}
`;

interface Contender {
  label: string;
  /** A fresh empty destination named APP for run `index`. */
  destination(index: number): string;
  run(cwd: string): RunResult;
  times: number[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function main(): void {
  const runs = runsWanted();
  const work = worldWritableTempDir('bench');
  let installed: InstalledPackage | undefined;
  try {
    process.stdout.write('Setting up (npm pack, npm install --global into a temp prefix)...\n');
    const yoPackage = (installed = packAndInstall());
    const freshFolder = (kind: string, index: number): string => {
      const parent = join(work, `${kind}-${index}`);
      mkdirSync(parent);
      const dir = join(parent, APP);
      mkdirSync(dir);
      return dir;
    };

    // The expected project, from one untimed run of the bin; the floor writes it from a manifest.
    const reference = freshFolder('reference', 0);
    runOk(process.execPath, [BIN, ...ARGS], { cwd: reference });
    const expected = readTree(reference);
    if (!expected.has(`${APP}/function.json`)) throw new Error(`pyazure wrote no ${APP}/function.json`);
    const manifest = join(work, 'manifest.json');
    writeFileSync(manifest, JSON.stringify([...expected]));
    const floorScript = join(work, 'floor.mjs');
    writeFileSync(floorScript, FLOOR_SCRIPT);
    const yoRuns = join(work, 'yo');
    mkdirSync(yoRuns);

    const contenders: Contender[] = [
      {
        label: 'pyazure',
        destination: (index) => freshFolder('pyazure', index),
        run: (cwd) => runOk(process.execPath, [BIN, ...ARGS], { cwd }),
        times: [],
      },
      {
        label: 'yo',
        destination: (index) => {
          const parent = join(yoRuns, String(index));
          mkdirSync(parent);
          return yoDestination(parent, APP);
        },
        run: (cwd) => runOk(process.execPath, [YO_CLI, `pyazure:${ARGS[0]}`, ...ARGS.slice(1)], { cwd, env: yoEnv(yoPackage) }),
        times: [],
      },
      {
        label: 'floor',
        destination: (index) => freshFolder('floor', index),
        run: (cwd) => runOk(process.execPath, [floorScript, manifest], { cwd }),
        times: [],
      },
    ];

    const timedRun = (contender: Contender, index: number): number => {
      const cwd = contender.destination(index);
      const start = performance.now();
      contender.run(cwd);
      const elapsed = performance.now() - start;
      const diff = diffTrees(expected, readTree(cwd));
      if (diff.added.length + diff.removed.length + diff.changed.length > 0) {
        throw new Error(`${contender.label} run ${index} did not write the expected files: ${JSON.stringify(diff)}`);
      }
      return elapsed;
    };

    // One untimed warm-up each (disk and module caches), then interleaved rounds.
    for (const contender of contenders) timedRun(contender, 0);
    for (let index = 1; index <= runs; index++) {
      for (const contender of contenders) contender.times.push(timedRun(contender, index));
      if (process.stdout.isTTY) process.stdout.write(`\rround ${index}/${runs}`);
    }
    process.stdout.write(process.stdout.isTTY ? '\n\n' : '\n');

    const [bin, yo, floor] = contenders.map((contender) => median(contender.times)) as [number, number, number];
    const ms = (value: number): string => `${Math.round(value)} ms`;
    const ratio = (value: number, base: number): string => `${(value / base).toFixed(1)}x`;
    const spread = (times: readonly number[]): string => `min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}`;
    const rows = [
      ['pyazure', ms(bin), `(${ratio(bin, floor)} floor)`, spread(contenders[0]!.times)],
      ['yo', ms(yo), `(${ratio(yo, floor)} floor, ${ratio(yo, bin)} pyazure)`, spread(contenders[1]!.times)],
      ['floor', ms(floor), '', spread(contenders[2]!.times)],
    ];
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    const cell = (row: string[], column: number): string =>
      column === 1 ? row[column]!.padStart(widths[column]!) : row[column]!.padEnd(widths[column]!);
    process.stdout.write(`Median wall time of ${runs} runs, each creating ${APP} (${expected.size} files) in a fresh empty folder:\n`);
    for (const row of rows) {
      process.stdout.write(`  ${cell(row, 0)}  median ${cell(row, 1)}  ${cell(row, 2)}  ${cell(row, 3)}`.trimEnd() + '\n');
    }
  } finally {
    installed?.cleanup();
    rmSync(work, { recursive: true, force: true });
  }
}

main();
