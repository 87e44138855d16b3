/**
 * What is already in the destination folder, and the merges that add to a user's files without
 * changing what they wrote.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './errors.js';

/** A read-only view of the destination folder. */
export interface ProjectSnapshot {
  read(path: string): string | undefined;
  /** Names of the entries directly in `dir` ('' for the root). */
  list(dir?: string): string[];
  isDirectory(path: string): boolean;
}

function readFromDisk(file: string): string | undefined {
  return existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
}

/**
 * The folder at `root`. Files are read with `readFile` (by absolute path): a generator passes its
 * in-memory file system, which also sees what earlier generators of the same run wrote.
 */
export function snapshotOf(root: string, readFile: (file: string) => string | undefined = readFromDisk): ProjectSnapshot {
  return {
    read: (path) => readFile(join(root, path)),
    list: (dir = '') => {
      const folder = join(root, dir);
      return existsSync(folder) && statSync(folder).isDirectory() ? readdirSync(folder) : [];
    },
    isDirectory: (path) => {
      const entry = join(root, path);
      return existsSync(entry) && statSync(entry).isDirectory();
    },
  };
}

export function parseJsonFile(text: string, path: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON (${(error as Error).message}); fix it and run again.`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${path} must contain a JSON object; fix it and run again.`);
  }
  return value as Record<string, unknown>;
}

/** The indentation a JSON file uses, so that a merge keeps the user's formatting. */
function indentationOf(text: string): string | number {
  const match = /^[{[]\r?\n([ \t]+)\S/.exec(text);
  return match ? match[1]! : 2;
}

/**
 * Adds app settings to `Values` of local.settings.json. Existing names keep their values, new
 * names are appended; the file is unchanged when there is nothing new.
 */
export function mergeAppSettings(existing: string, settings: Record<string, string>): string {
  const document = parseJsonFile(existing, 'local.settings.json');
  const values = document.Values ?? {};
  if (typeof values !== 'object' || Array.isArray(values)) {
    throw new UsageError('local.settings.json "Values" must be a JSON object; fix it and run again.');
  }
  const missing = Object.entries(settings).filter(([name]) => !(name in values));
  if (missing.length === 0) return existing;
  document.Values = { ...values, ...Object.fromEntries(missing) };
  const newline = existing.includes('\r\n') ? '\r\n' : '\n';
  return `${JSON.stringify(document, null, indentationOf(existing)).replace(/\n/g, newline)}${newline}`;
}

/** PEP 503 normalised project name of a requirement line, or undefined for comments and options. */
export function requirementName(line: string): string | undefined {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line.replace(/#.*/, ''));
  return match ? match[1]!.toLowerCase().replace(/[-_.]+/g, '-') : undefined;
}

/**
 * Appends the requirements whose project is not listed yet. The user's lines are never removed,
 * reordered or re-pinned.
 */
export function mergeRequirements(existing: string, requirements: readonly string[]): string {
  const listed = new Set(existing.split(/\r?\n/).map(requirementName).filter(Boolean));
  const missing = requirements.filter((line) => !listed.has(requirementName(line)));
  if (missing.length === 0) return existing;
  const newline = existing.includes('\r\n') ? '\r\n' : '\n';
  const separator = existing.length === 0 || existing.endsWith('\n') ? '' : newline;
  return `${existing}${separator}${missing.join(newline)}${newline}`;
}
