/**
 * Ready to publish: the tarball holds exactly what users need, `engines` matches the stack the
 * package runs on, and `npm publish --dry-run` is clean. Nothing is published: the dry run is
 * pointed at a registry address where nothing listens.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { REPO_ROOT } from '../support/paths.js';
import { runOk } from '../support/run.js';

interface PackageJson {
  license: string;
  engines: { node: string };
  bin: Record<string, string>;
  dependencies: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;
/** The npm environment without the variables `npm run` sets (which would point npm elsewhere). */
const npmEnv = { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))), npm_config_update_notifier: 'false' };
const UNREACHABLE_REGISTRY = 'http://127.0.0.1:9/';

function filesBelow(dir: string): string[] {
  const root = join(REPO_ROOT, dir);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * Whether `version` satisfies a node engines range in the forms packages use: alternatives with
 * `||`, each `^x.y.z`, `>=x.y.z`, `x` or `x.y.z`.
 */
function satisfies(version: string, range: string): boolean {
  const parse = (text: string) => text.split('.').map(Number).concat([0, 0, 0]).slice(0, 3) as [number, number, number];
  const compare = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  const v = parse(version);
  return range.split('||').some((alternative) => {
    const text = alternative.trim();
    const match = /^(\^|>=)?(\d+(?:\.\d+){0,2})$/.exec(text);
    if (!match) throw new Error(`unsupported engines range ${JSON.stringify(text)}`);
    const [, operator, bound] = match;
    const b = parse(bound!);
    if (operator === '>=') return compare(v, b) >= 0;
    if (operator === '^' || bound!.split('.').length < 3) return v[0] === b[0] && compare(v, b) >= 0;
    return compare(v, b) === 0;
  });
}

describe('ready to publish', function () {
  it('npm pack holds exactly the built code, the templates, README, LICENSE, CHANGELOG and package.json', function () {
    const [packed] = JSON.parse(runOk('npm', ['pack', '--dry-run', '--json'], { cwd: REPO_ROOT, env: npmEnv }).stdout) as Array<{ files: Array<{ path: string }> }>;
    const actual = packed!.files.map((file) => file.path).sort();
    // One .js per source module (no declarations, no source maps: none are built), every template.
    const expected = [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      ...filesBelow('src').map((path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js')),
      ...filesBelow('templates'),
    ].sort();
    assert.deepEqual(actual, expected);
    console.log(`      npm pack: ${actual.length} files`);
  });

  it('the bin is the built cli with a node shebang', function () {
    assert.deepEqual(pkg.bin, { pyazure: 'dist/cli.js' });
    assert.match(readFileSync(join(REPO_ROOT, 'dist', 'cli.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
  });

  it('engines.node allows exactly the Node versions every runtime dependency supports, and this one', function () {
    const ranges = Object.keys(pkg.dependencies).map((name) => {
      const dependency = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { engines?: { node?: string } };
      return { name, range: dependency.engines?.node };
    });
    const probes = ['18.20.0', '20.0.0', '20.16.0', '20.17.0', '20.19.5', '21.7.0', '22.0.0', '22.8.0', '22.9.0', '22.20.0', '23.0.0', '24.0.0', '25.1.0'];
    for (const version of probes) {
      const allowedByDependencies = ranges.every(({ range }) => range === undefined || satisfies(version, range));
      assert.equal(satisfies(version, pkg.engines.node), allowedByDependencies, `Node ${version}: engines says ${satisfies(version, pkg.engines.node)}, dependencies say ${allowedByDependencies} (${JSON.stringify(ranges)})`);
    }
    assert.ok(satisfies(process.versions.node, pkg.engines.node), `this Node ${process.versions.node} is outside engines ${pkg.engines.node}`);
  });

  it('npm publish --dry-run is clean (and publishes nothing)', function () {
    const result = runOk('npm', ['publish', '--dry-run', '--json', '--registry', UNREACHABLE_REGISTRY, '--fetch-retries', '0'], { cwd: REPO_ROOT, env: npmEnv });
    const report = JSON.parse(result.stdout) as Record<string, { name: string; version: string }>;
    assert.equal(Object.values(report)[0]?.name, 'generator-pyazure');
    // Only what a dry run without credentials always says, and settings of this machine's npm.
    const warnings = result.stderr
      .split('\n')
      .filter((line) => /^npm (warn|error)/i.test(line))
      .filter((line) => !/requires you to be logged in to .* \(dry-run\)|Unknown (user|global|env) config/.test(line));
    assert.deepEqual(warnings, []);
    assert.equal(pkg.license, 'MIT');
    assert.match(readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} generator-pyazure contributors\n/);
    assert.match(readFileSync(join(REPO_ROOT, 'CHANGELOG.md'), 'utf8'), /^## \[Unreleased\]$/m);
  });
});
