/**
 * Files are never lost, through the published bin with stdin closed: running again with the same
 * answers changes nothing, a user's file is never overwritten without --force (and without a
 * terminal the run stops at once, listing the files), and a run that fails half way through its
 * writes leaves the folder exactly as it was.
 *
 * Each generator has one entry in GENERATORS; the tests below are the same for all.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFolder, snapshotFolder, writeFiles } from '../support/folder.js';
import { pyazureAsync, runAsync } from '../support/parallel.js';
import { BIN, tempDir } from '../support/paths.js';
import type { RunResult } from '../support/run.js';

interface KeepEntry {
  generator: string;
  /** Creates a project in an empty folder. */
  create: string[];
  /**
   * What running again with the same answers means for this generator, and its outcome. Either way
   * nothing may change.
   */
  rerun: { meaning: string; args: string[]; refused?: RegExp };
  /** Files a user may already have where the project is created: each is a file the run would write. */
  userFiles: Record<string, string>;
  /** For generators that add to a project they created (a function, a role); absent otherwise. */
  add?: {
    /** A second run that adds to the project the first created. */
    args: string[];
    /**
     * Edits a user makes to the created project, as (old contents) -> new contents. After the
     * run, each edited file must still hold the user's text.
     */
    edits: Record<string, (contents: string) => string>;
    /**
     * A file the run owns, which a user may already have in the project: a conflict. Absent where
     * every such file lies in a folder the run creates, whose existence refuses the name instead.
     */
    owns?: string;
  };
}

const GENERATORS: readonly KeepEntry[] = [
  {
    generator: 'function',
    create: ['function', 'HttpExample', '--trigger', 'http'],
    rerun: {
      meaning: 'the same function name again is a duplicate, refused',
      args: ['function', 'HttpExample', '--trigger', 'http'],
      refused: /Function name "HttpExample" is taken: the app already has a function "HttpExample"/,
    },
    userFiles: { 'README.md': '# Our repository\n', '.gitignore': 'secrets.txt\n', 'pyproject.toml': '[project]\nname = "ours"\n' },
    add: {
      args: ['function', 'Orders', '--trigger', 'http', '--auth-level', 'anonymous', '--methods', 'post'],
      edits: {
        'host.json': (text) => text.replace('"version"', '"functionTimeout": "00:05:00",\n  "version"'),
        'HttpExample/__init__.py': (text) => `${text}\n# our own change\n`,
        'README.md': (text) => `${text}\nOur notes.\n`,
        'requirements.txt': (text) => `${text}requests==2.32.3\n`,
        '.gitignore': (text) => `${text}secrets.txt\n`,
      },
      owns: 'tests/test_orders.py',
    },
  },
  {
    generator: 'function (v2 model)',
    create: ['function', 'HttpExample', '--model', 'v2'],
    rerun: {
      meaning: 'the same function name again is a duplicate, refused',
      args: ['function', 'HttpExample', '--model', 'v2'],
      refused: /Function name "HttpExample" is taken: the app already has a function "HttpExample"/,
    },
    // A function_app.py of the user's own is not among them: the run adds its registration to it.
    userFiles: { 'functions/httpexample.py': 'import azure.functions as func\n', 'README.md': '# Our repository\n' },
    add: {
      args: ['function', 'Orders', '--trigger', 'servicebus-queue', '--queue-name', 'orders'],
      edits: {
        'function_app.py': (text) => text.replace('app = func.FunctionApp()', 'app = func.FunctionApp()  # our app'),
        'functions/httpexample.py': (text) => `${text}\n# our own change\n`,
        'README.md': (text) => `${text}\nOur notes.\n`,
        'requirements.txt': (text) => `${text}requests==2.32.3\n`,
      },
      owns: 'functions/orders.py',
    },
  },
  {
    generator: 'cloudservice',
    create: ['cloudservice', 'contoso-orders'],
    rerun: {
      meaning: 'the same service again: the folder already holds it, refused',
      args: ['cloudservice', 'contoso-orders'],
      refused: /This folder already holds a cloud service \(ServiceDefinition\.csdef\)/,
    },
    userFiles: { 'README.md': '# Our service\n', '.gitignore': '*.pfx\n' },
    add: {
      args: ['role', 'Jobs', '--type', 'worker', '--instances', '2'],
      edits: {
        'WorkerRole1/worker.py': (text) => `${text}\n# our own change\n`,
        'WorkerRole1/requirements.txt': (text) => `${text}requests==2.32.3\n`,
        'WebRole1/web.config': (text) => text.replace('<configuration>', '<configuration>\n  <!-- our setting -->'),
        '.gitignore': (text) => `${text}*.pfx\n`,
      },
    },
  },
  {
    generator: 'webapp',
    create: ['webapp', 'mysite', '--framework', 'django', '--migrate', '--ci', 'github'],
    rerun: {
      meaning: 'the same web app again: every file is already what it would write, exit 0',
      args: ['webapp', 'mysite', '--framework', 'django', '--migrate', '--ci', 'github'],
    },
    userFiles: { 'README.md': '# Our site\n', 'requirements.txt': 'Django==5.2\n', 'startup.sh': 'gunicorn ours.wsgi\n', 'mysite/settings/base.py': 'DEBUG = True\n' },
  },
];

const TIMEOUT_MS = 60_000;

function assertOneLine(result: RunResult, code: number, pattern: RegExp): void {
  assert.equal(result.code, code, `exit code\n${result.stdout}\n${result.stderr}`);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stderr:\n${result.stderr}`);
  assert.match(lines[0]!, pattern);
}

/** The bin with writes limited to `kilobytes` per file (ulimit -f): a real write error half way. */
function pyazureWithFileSizeLimit(args: readonly string[], cwd: string, kilobytes: number): Promise<RunResult> {
  const script = `ulimit -f ${kilobytes} && exec "$0" "$@"`;
  return runAsync('bash', ['-c', script, process.execPath, BIN, ...args], { cwd, timeoutMs: TIMEOUT_MS });
}

/** The files a successful run wrote, in the order it wrote them, with their sizes. */
function writtenFiles(result: RunResult, dir: string): Array<{ path: string; size: number }> {
  return [...result.stdout.matchAll(/^ {2}(?:create|update) (.+)$/gm)].map((match) => ({ path: match[1]!, size: statSync(join(dir, match[1]!)).size }));
}

/**
 * A per-file size limit, in KiB, under which the first written file fits and a later one does not,
 * so that the run fails after it has begun writing; undefined when no such limit exists.
 */
function midRunLimit(files: Array<{ size: number }>): { kilobytes: number; before: number } | undefined {
  for (let kilobytes = Math.max(1, Math.ceil(files[0]!.size / 1024)); kilobytes <= 64; kilobytes++) {
    const failing = files.findIndex((file) => file.size > kilobytes * 1024);
    if (failing > 0) return { kilobytes, before: failing };
  }
  return undefined;
}

describe('files are never lost (through the bin, stdin closed)', function () {
  const folders: string[] = [];
  const newFolder = (prefix: string): string => {
    const parent = tempDir(prefix);
    folders.push(parent);
    const dir = join(parent, 'project');
    mkdirSync(dir);
    return dir;
  };
  after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  for (const entry of GENERATORS) {
    describe(`pyazure ${entry.generator}`, function () {
      let created: string;
      before(async function () {
        created = newFolder(`kept-${entry.generator}`);
        const result = await pyazureAsync(entry.create, created);
        assert.equal(result.code, 0, result.stderr);
      });

      it(`running again with the same answers changes nothing (${entry.rerun.meaning})`, async function () {
        const dir = newFolder('rerun');
        copyFolder(created, dir);
        const before = snapshotFolder(dir);
        const result = await pyazureAsync(entry.rerun.args, dir, TIMEOUT_MS);
        if (entry.rerun.refused) assertOneLine(result, 2, entry.rerun.refused);
        else {
          assert.equal(result.code, 0, result.stderr);
          assert.match(result.stdout, /^Nothing to change: /m);
        }
        assert.deepEqual(snapshotFolder(dir), before);
      });

      it("a user's files stop the run without a terminal, listed in one line, and nothing is written", async function () {
        const dir = newFolder('conflict');
        writeFiles(dir, entry.userFiles);
        const before = snapshotFolder(dir);
        const result = await pyazureAsync(entry.create, dir, TIMEOUT_MS);
        const listed = Object.keys(entry.userFiles).sort();
        assertOneLine(result, 2, /Not overwriting \d+ existing files? that differs? from what would be written: .*--force/);
        const named = /written: (.*)\. Move/.exec(result.stderr)![1]!.split(', ').sort();
        assert.deepEqual(named, listed);
        assert.deepEqual(snapshotFolder(dir), before);
      });

      it("--force overwrites exactly the user's conflicting files", async function () {
        const dir = newFolder('force');
        writeFiles(dir, entry.userFiles);
        const result = await pyazureAsync([...entry.create, '--force'], dir, TIMEOUT_MS);
        assert.equal(result.code, 0, result.stderr);
        for (const [path, contents] of Object.entries(entry.userFiles)) {
          assert.notEqual(readFileSync(join(dir, path), 'utf8'), contents, `${path} was not overwritten`);
          assert.equal(readFileSync(join(dir, path), 'utf8'), readFileSync(join(created, path), 'utf8'), `${path} is not what the generator writes`);
        }
      });

      const add = entry.add;
      if (add) it(`adding to the project keeps every file the user edited${add.owns ? ', and its own file is a conflict without --force' : ''}`, async function () {
        const dir = newFolder('edited');
        copyFolder(created, dir);
        const edited = new Map<string, string>();
        for (const [path, edit] of Object.entries(add.edits)) {
          const contents = edit(readFileSync(join(dir, path), 'utf8'));
          writeFileSync(join(dir, path), contents);
          edited.set(path, contents);
        }
        if (add.owns) {
          writeFiles(dir, { [add.owns]: '# the user\'s own file\n' });
          const before = snapshotFolder(dir);
          assertOneLine(await pyazureAsync(add.args, dir, TIMEOUT_MS), 2, new RegExp(`Not overwriting 1 existing file .*: ${add.owns.replace(/[.]/g, '\\.')}\\.`));
          assert.deepEqual(snapshotFolder(dir), before);
          rmSync(join(dir, add.owns));
        }
        const added = await pyazureAsync(add.args, dir, TIMEOUT_MS);
        assert.equal(added.code, 0, added.stderr);
        for (const [path, contents] of edited) {
          // A merged file (requirements, settings, function_app.py) may gain lines, never lose or reorder the user's.
          const lines = readFileSync(join(dir, path), 'utf8').split('\n');
          let at = 0;
          for (const line of contents.split('\n')) {
            at = lines.indexOf(line, at);
            assert.ok(at >= 0, `${path} lost the user's line ${JSON.stringify(line)}`);
            at++;
          }
        }
      });

      it('a write that fails half way leaves the folder exactly as it was (a new project, and adding to one)', async function () {
        let midRun = 0;
        const scenarios: Array<[string, (dir: string) => void, string[]]> = [['new project', () => undefined, entry.create]];
        if (entry.add) scenarios.push(['adding', (dir) => copyFolder(created, dir), entry.add.args]);
        for (const [label, setUp, args] of scenarios) {
          // Learn the write order and sizes from a run that succeeds, then limit the file size so
          // that the same run fails after it has started writing.
          const probe = newFolder('probe');
          setUp(probe);
          const probed = await pyazureAsync(args, probe, TIMEOUT_MS);
          assert.equal(probed.code, 0, probed.stderr);
          const files = writtenFiles(probed, probe);
          // When the first file is the largest, the folder starts with the first few files already
          // as the run writes them (so it skips them), until a later file is larger than the first
          // one written. Without such a limit, no write at all may succeed: the run fails at once.
          // Only for a new project: when adding, a file already in place would take the new name.
          let kept = 0;
          let found = midRunLimit(files);
          while (!found && label === 'new project' && kept < files.length - 2) found = midRunLimit(files.slice(++kept));
          const limit = found ?? { kilobytes: 0, before: 0 };
          if (!found) kept = 0;
          if (limit.before > 0) midRun++;

          const dir = newFolder('failing');
          setUp(dir);
          writeFiles(dir, Object.fromEntries(files.slice(0, kept).map((file) => [file.path, readFileSync(join(probe, file.path), 'utf8')])));
          const before = snapshotFolder(dir);
          const result = await pyazureWithFileSizeLimit(args, dir, limit.kilobytes);
          assertOneLine(result, 1, /^pyazure: EFBIG: file too large/);
          assert.deepEqual(snapshotFolder(dir), before, `${label}: the folder changed after a failed write (${limit.before} files had been written before it)`);
        }
        assert.ok(midRun > 0, 'no run could be made to fail after it had started writing');
      });
    });
  }
});
