import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built bin, as the package publishes it (`npm run build` runs before the tests). */
export const BIN = join(REPO_ROOT, 'dist', 'cli.js');
/** Downloads shared by every test that installs Python packages, kept between runs. */
export const PIP_CACHE = process.env.PYAZURE_PIP_CACHE ?? join(REPO_ROOT, '.cache', 'pip');

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `pyazure-${prefix}-`));
}

/** A maker of temp folders for the calling describe block, all removed after it. */
export function tempFolders(): (prefix: string) => string {
  const folders: string[] = [];
  after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  return (prefix) => {
    const folder = tempDir(prefix);
    folders.push(folder);
    return folder;
  };
}
