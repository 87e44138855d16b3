/**
 * The published package end to end: the tarball `npm pack` makes, installed globally into a temp
 * prefix with its dependencies from the registry, found and run by `yo` like any installed
 * generator. Proves the package ships everything it needs (built code, templates, dependencies).
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/paths.js';
import { pyazure, runOk } from '../support/run.js';
import { diffTrees, readTree } from '../support/tree.js';
import { type InstalledPackage, packAndInstall, worldWritableTempDir, yo, yoDestination } from '../support/yo.js';

describe('the published package (npm pack, npm install --global, yo)', function () {
  let installed: InstalledPackage | undefined;
  const folders: string[] = [];
  const newFolder = (folder: string): string => {
    folders.push(folder);
    return folder;
  };
  const pkg = (): InstalledPackage => {
    assert.ok(installed, 'the package was not installed');
    return installed;
  };

  before(function () {
    installed = packAndInstall();
  });

  after(function () {
    installed?.cleanup();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('packs the built bin, the generators and the templates, and no sources or tests', function () {
    const { packedFiles, tarball } = pkg();
    // What is really in the tarball, not only what npm says it packed.
    const inTarball = runOk('tar', ['-tzf', tarball])
      .stdout.split('\n')
      .filter((line) => line && !line.endsWith('/'))
      .map((line) => line.replace(/^package\//, ''));
    assert.deepEqual([...inTarball].sort(), [...packedFiles].sort());
    for (const file of ['package.json', 'dist/cli.js', 'dist/generators/app/index.js', 'dist/generators/function/index.js']) {
      assert.ok(inTarball.includes(file), `${file} is missing from the tarball`);
    }
    assert.ok(
      inTarball.some((file) => file.startsWith('templates/function/')),
      `no templates/function/ files in the tarball:\n${inTarball.join('\n')}`,
    );
    const unwanted = inTarball.filter((file) => /^(src|test)\//.test(file) || file.endsWith('.ts'));
    assert.deepEqual(unwanted, [], 'sources or tests in the tarball');
  });

  it('installs the bin and the generators into the prefix', function () {
    const { packageDir, prefix } = pkg();
    assert.ok(existsSync(join(packageDir, 'dist', 'generators', 'function', 'index.js')));
    if (process.platform !== 'win32') {
      assert.ok(statSync(join(prefix, 'bin', 'pyazure')).isFile(), 'no pyazure bin linked into the prefix');
    }
  });

  it('is listed by yo --generators with its sub-generators', function () {
    const cwd = newFolder(worldWritableTempDir('yo-list'));
    const listed = yo(pkg(), ['--generators'], cwd);
    assert.equal(listed.code, 0, `${listed.stdout}\n${listed.stderr}`);
    // yo prints a package's `app` generator as the package name itself and its others indented.
    assert.match(listed.stdout, /^ {2}pyazure$/m, listed.stdout);
    assert.match(listed.stdout, /^ {4}function$/m, listed.stdout);
    // `app` is what `yo pyazure` runs, so yo never lists it by name: ask yo for it explicitly.
    const app = yo(pkg(), ['pyazure:app', '--help'], cwd);
    assert.equal(app.code, 0, `${app.stdout}\n${app.stderr}`);
    assert.match(app.stdout, /yo pyazure:app \[options\]/);
    assert.match(app.stdout, /--project/);
  });

  it('yo pyazure:function writes the same files as pyazure function', function () {
    const name = 'HttpExample';
    const viaYo = yoDestination(newFolder(worldWritableTempDir('yo-function')), name);
    const viaBin = join(newFolder(tempDir('bin-function')), name);
    mkdirSync(viaBin);

    const fromYo = yo(pkg(), ['pyazure:function', name, '--trigger', 'http'], viaYo);
    assert.equal(fromYo.code, 0, `${fromYo.stdout}\n${fromYo.stderr}`);
    const fromBin = pyazure(['function', name, '--trigger', 'http'], viaBin);
    assert.equal(fromBin.code, 0, `${fromBin.stdout}\n${fromBin.stderr}`);

    const yoTree = readTree(viaYo);
    const binTree = readTree(viaBin);
    assert.ok(binTree.has(`${name}/function.json`), `pyazure wrote no ${name}/function.json`);
    assert.deepEqual(diffTrees(binTree, yoTree), { added: [], removed: [], changed: [] });
    assert.deepEqual(yoTree, binTree);
  });
});
