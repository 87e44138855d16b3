/**
 * Puts a run's writes on disk all or nothing. Every file is first written in full next to its
 * target, then the staged files are renamed into place; if anything fails on the way (a full disk,
 * a size limit, a permission), what was staged, renamed and created is undone, so the folder is
 * left exactly as it was and no project is ever half written.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Write } from './plan.js';

interface StagedFile {
  target: string;
  /** The new contents, written in full before any target is touched. */
  staged: string;
  /** Where the replaced file is kept until every file is in place. */
  backup?: string;
  placed: boolean;
}

/** Creates `dir` and its missing parents, recording each folder created (outermost first). */
function makeFolders(dir: string, created: string[]): void {
  if (existsSync(dir)) return;
  makeFolders(dirname(dir), created);
  mkdirSync(dir);
  created.push(dir);
}

export function commitWrites(root: string, writes: readonly Write[]): void {
  const suffix = `.pyazure-${process.pid}-${Date.now()}`;
  const created: string[] = [];
  const files: StagedFile[] = [];
  try {
    for (const write of writes) {
      const target = join(root, write.path);
      if (existsSync(target) && !statSync(target).isFile()) throw new Error(`${write.path} exists and is not a file; nothing was written.`);
      // The plan read a link to a missing file as no file at all: it is the user's, not ours to replace.
      if (!write.existing && isLink(target)) throw new Error(`${write.path} is a link to a missing file; move it away and run again. Nothing was written.`);
      makeFolders(dirname(target), created);
      const file: StagedFile = { target, staged: `${target}${suffix}.new`, placed: false };
      files.push(file);
      writeFileSync(file.staged, write.contents, { flag: 'wx' });
      // A replaced file keeps its permissions (an executable script stays executable).
      if (existsSync(target)) chmodSync(file.staged, statSync(target).mode);
    }
    for (const file of files) {
      if (existsSync(file.target) || isLink(file.target)) {
        const backup = `${file.target}${suffix}.old`;
        renameSync(file.target, backup);
        file.backup = backup;
      }
      renameSync(file.staged, file.target);
      file.placed = true;
    }
  } catch (error) {
    rollBack(files, created);
    throw error;
  }
  for (const file of files) if (file.backup) rmSync(file.backup, { force: true });
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Renames and removals only: undoing never needs space or writes that could fail the way the run
 * did. Each step is tried on its own, so one that cannot apply (a staged file that was never
 * created) does not stop the others.
 */
function rollBack(files: readonly StagedFile[], created: readonly string[]): void {
  const attempt = (step: () => void) => {
    try {
      step();
    } catch {
      // Nothing of this step was done, or it is already undone.
    }
  };
  for (const file of [...files].reverse()) {
    if (file.placed) attempt(() => rmSync(file.target));
    if (file.backup) attempt(() => renameSync(file.backup!, file.target));
    attempt(() => rmSync(file.staged));
  }
  for (const dir of [...created].reverse()) attempt(() => rmdirSync(dir));
}
