/**
 * A plan is everything a run will write, computed before anything touches the disk, so that every
 * check (names, clashes, conflicts with the user's files) happens first and a failed run writes
 * nothing.
 */
import { UsageError } from './errors.js';
import type { ProjectSnapshot } from './project.js';

export interface PlannedFile {
  /** POSIX path relative to the destination. */
  path: string;
  contents: string;
  /**
   * `create`: a file this run owns; an existing different file is a conflict (`--force` overwrites).
   * `create-if-missing`: project scaffolding that a user's existing file takes precedence over.
   * `update`: contents computed from the existing file (a merge); written when it changes.
   */
  mode: 'create' | 'create-if-missing' | 'update';
}

export interface Plan {
  files: PlannedFile[];
  /** The run creates the project (rather than adding to one): team defaults are saved. */
  createsProject: boolean;
  /** What was made, in one line. */
  summary: string;
  /** Commands to run next, also listed in the generated README. */
  nextSteps: string[];
}

export interface Write {
  path: string;
  contents: string;
  /** The file exists and is replaced: a merge, or an overwrite the user forced. */
  existing: boolean;
}

/**
 * The first existing entry on the way to `parts` whose name differs from the planned one only in
 * case (`MySite/` for `mysite/__init__.py`): written beside it, the two would merge on a checkout on
 * Windows or macOS. Undefined when every existing entry on the way has exactly the planned name.
 */
function caseTwinOf(parts: readonly string[], project: ProjectSnapshot): string | undefined {
  for (let depth = 0; depth < parts.length; depth++) {
    const dir = parts.slice(0, depth).join('/');
    const entries = project.list(dir);
    const name = parts[depth]!;
    if (entries.includes(name)) continue;
    const twin = entries.find((entry) => entry.toLowerCase() === name.toLowerCase());
    if (twin !== undefined) return dir === '' ? twin : `${dir}/${twin}`;
    return undefined;
  }
  return undefined;
}

/**
 * The files to write: unchanged files and kept user files are left out. Throws when a file the
 * run owns exists with other contents, unless `force`.
 */
export function writesFor(plan: Plan, project: ProjectSnapshot, force: boolean): Write[] {
  const writes: Write[] = [];
  const conflicts: string[] = [];
  const seen = new Set<string>();
  for (const file of plan.files) {
    if (seen.has(file.path)) throw new Error(`The plan writes ${file.path} twice.`);
    seen.add(file.path);
    const parts = file.path.split('/');
    const caseTwin = caseTwinOf(parts, project);
    if (caseTwin !== undefined) {
      throw new UsageError(
        `${file.path} would be written, but ${caseTwin} exists, a name differing only in case, which Windows and macOS take for the same one; rename or move it away and run again.`,
      );
    }
    const blocking = parts.slice(0, -1).map((_, depth) => parts.slice(0, depth + 1).join('/')).find((folder) => !project.isDirectory(folder) && project.read(folder) !== undefined);
    if (blocking !== undefined) {
      throw new UsageError(`${file.path} would be written, but ${blocking} is a file where that needs a folder; move it away and run again.`);
    }
    if (project.isDirectory(file.path)) {
      throw new UsageError(`${file.path} would be written, but a folder of that name exists; move it away and run again.`);
    }
    const existing = project.read(file.path);
    if (existing === file.contents) continue;
    if (existing !== undefined && file.mode === 'create-if-missing') continue;
    if (existing !== undefined && file.mode === 'create' && !force) {
      conflicts.push(file.path);
      continue;
    }
    writes.push({ path: file.path, contents: file.contents, existing: existing !== undefined });
  }
  if (conflicts.length > 0) {
    throw new UsageError(
      `Not overwriting ${conflicts.length} existing file${conflicts.length === 1 ? '' : 's'} that differ${conflicts.length === 1 ? 's' : ''} from what would be written: ${conflicts.join(', ')}. Move ${conflicts.length === 1 ? 'it' : 'them'} away or run again with --force.`,
    );
  }
  return writes;
}
