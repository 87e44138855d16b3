/** Byte-level snapshots of a folder, to prove a run changed nothing at all. */
import { cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * Every entry below `root`, caches and venvs included: folders, files (as bytes, with their mode)
 * and links. Two equal snapshots mean nothing was added, removed or changed, not even a folder.
 */
export function snapshotFolder(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const key = relative(root, path).split(sep).join('/');
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) entries.set(key, `link -> ${readlinkSync(path)}`);
      else if (stat.isDirectory()) {
        entries.set(`${key}/`, `folder ${(stat.mode & 0o7777).toString(8)}`);
        walk(path);
      } else entries.set(key, `file ${(stat.mode & 0o7777).toString(8)} ${readFileSync(path).toString('base64')}`);
    }
  };
  walk(root);
  return entries;
}

/** Writes `files` (POSIX path -> contents) below `root`. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
}

/** A copy of the folder `from` at `to`. */
export function copyFolder(from: string, to: string): void {
  cpSync(from, to, { recursive: true, verbatimSymlinks: true });
}
