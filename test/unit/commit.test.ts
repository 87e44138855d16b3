import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitWrites } from '../../src/lib/commit.js';
import { snapshotFolder } from '../support/folder.js';
import { tempDir } from '../support/paths.js';

describe('writing a plan all or nothing', function () {
  let root: string;
  beforeEach(() => {
    root = tempDir('commit');
    writeFileSync(join(root, 'kept.txt'), 'mine\n');
    writeFileSync(join(root, 'script.sh'), '#!/bin/sh\n');
    chmodSync(join(root, 'script.sh'), 0o755);
    writeFileSync(join(root, 'blocker'), 'a file where a folder would go\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes new files and folders and replaces files, keeping their permissions', function () {
    commitWrites(root, [
      { path: 'deep/new/file.txt', contents: 'new\n', existing: false },
      { path: 'script.sh', contents: '#!/bin/sh\necho hi\n', existing: true },
    ]);
    const after = snapshotFolder(root);
    assert.ok(after.has('deep/new/file.txt'));
    assert.equal(statSync(join(root, 'script.sh')).mode & 0o777, 0o755);
    assert.deepEqual([...after.keys()].filter((path) => path.includes('.pyazure-')), [], 'no staged or backup files left');
  });

  it('leaves the folder exactly as it was when a write fails half way', function () {
    const before = snapshotFolder(root);
    assert.throws(
      () =>
        commitWrites(root, [
          { path: 'deep/new/file.txt', contents: 'new\n', existing: false },
          { path: 'kept.txt', contents: 'replaced\n', existing: true },
          { path: 'blocker/inside.txt', contents: 'cannot be written\n', existing: false },
        ]),
      /EEXIST|ENOTDIR/,
    );
    assert.deepEqual(snapshotFolder(root), before);
  });

  it("refuses to replace a user's link to a missing file", function () {
    symlinkSync('missing-target.txt', join(root, 'link.txt'));
    const before = snapshotFolder(root);
    assert.throws(() => commitWrites(root, [{ path: 'new.txt', contents: 'x', existing: false }, { path: 'link.txt', contents: 'x', existing: false }]), /link to a missing file/);
    assert.deepEqual(snapshotFolder(root), before);
  });

  it('refuses to replace a folder', function () {
    mkdirSync(join(root, 'folder'));
    const before = snapshotFolder(root);
    assert.throws(() => commitWrites(root, [{ path: 'new.txt', contents: 'x', existing: false }, { path: 'folder', contents: 'x', existing: true }]), /not a file/);
    assert.deepEqual(snapshotFolder(root), before);
  });
});
