/**
 * Checks for generated files held in memory (planned, not yet written), by format: JSON parses and
 * passes its schema, XML is well-formed, PowerShell parses, YAML parses, no template marker is
 * left, and values from the answers read back exactly from the files. Python and TOML are checked
 * by Python itself in one batch ({@link PythonBatch}), because starting an interpreter per file is
 * too slow for thousands of generated projects.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkGeneratedFiles } from './checks.js';
import { tempDir } from './paths.js';
import { assertPowerShellParses } from './powershell.js';
import { PYTHON } from './python.js';
import { runOk } from './run.js';
import { descendants, parseXml } from './xml.js';

/** A value from the answers that a generated file must carry exactly (escaped for its format). */
export type Echo =
  /** At a JSON pointer (`/bindings/0/route`) of a JSON file. */
  | { path: string; format: 'json'; pointer: string; expected: unknown }
  /** As a module-level string assignment `NAME = "..."` in a Python file, read by Python. */
  | { path: string; format: 'python'; variable: string; expected: string }
  /** As an attribute (or, without one, the text) of some element with that local name. */
  | { path: string; format: 'xml'; element: string; attribute?: string; expected: string }
  /** As one whole line of a text file. */
  | { path: string; format: 'line'; expected: string };

const XML_FILES = /\.(xml|config|csdef|cscfg|pubxml|props|targets)$/;

export interface FileCounts {
  json: number;
  xml: number;
  powershell: number;
  yaml: number;
  python: number;
  toml: number;
  echoes: number;
  files: number;
}

export const emptyCounts = (): FileCounts => ({ json: 0, xml: 0, powershell: 0, yaml: 0, python: 0, toml: 0, echoes: 0, files: 0 });

function pointerGet(document: unknown, pointer: string): unknown {
  let value = document;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    value = value === null || typeof value !== 'object' ? undefined : (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Python and TOML files of many projects, written below one temp folder and checked by a single
 * interpreter run: every .py compiles, every .toml parses with tomllib, every Python echo reads back.
 */
export class PythonBatch {
  readonly root = tempDir('python-batch');
  private readonly python: string[] = [];
  private readonly toml: string[] = [];
  private readonly assignments: Array<{ path: string; variable: string; expected: string }> = [];

  /** Adds a project's files under `prefix`; returns how many files the batch will check. */
  add(prefix: string, files: Map<string, string>, echoes: readonly Echo[]): number {
    let added = 0;
    for (const [path, contents] of files) {
      const list = path.endsWith('.py') ? this.python : path.endsWith('.toml') ? this.toml : undefined;
      if (!list) continue;
      const target = join(prefix, path);
      mkdirSync(dirname(join(this.root, target)), { recursive: true });
      writeFileSync(join(this.root, target), contents);
      list.push(target);
      added++;
    }
    for (const echo of echoes) if (echo.format === 'python') this.assignments.push({ path: join(prefix, echo.path), variable: echo.variable, expected: echo.expected });
    return added;
  }

  get counts(): { python: number; toml: number; echoes: number } {
    return { python: this.python.length, toml: this.toml.length, echoes: this.assignments.length };
  }

  /** Runs the batch; throws listing every file that fails. */
  check(): void {
    const script = [
      'import ast, json, sys, tomllib',
      'job = json.load(open(sys.argv[1], encoding="utf-8"))',
      'problems = []',
      'for path in job["python"]:',
      '    try:',
      '        compile(open(path, encoding="utf-8").read(), path, "exec")',
      '    except SyntaxError as error:',
      '        problems.append(f"{path}: {error}")',
      'for path in job["toml"]:',
      '    try:',
      '        tomllib.load(open(path, "rb"))',
      '    except tomllib.TOMLDecodeError as error:',
      '        problems.append(f"{path}: {error}")',
      'for item in job["assignments"]:',
      '    tree = ast.parse(open(item["path"], encoding="utf-8").read())',
      '    values = [ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == item["variable"] for t in node.targets)]',
      '    if values != [item["expected"]]:',
      '        problems.append(f"{item[\'path\']}: {item[\'variable\']} reads back as {values!r}, expected {item[\'expected\']!r}")',
      'print(json.dumps(problems))',
    ].join('\n');
    const job = join(this.root, 'job.json');
    writeFileSync(job, JSON.stringify({ python: this.python, toml: this.toml, assignments: this.assignments }));
    const problems = JSON.parse(runOk(PYTHON, ['-c', script, job], { cwd: this.root }).stdout) as string[];
    assert.deepEqual(problems, [], `Python checks failed:\n${problems.slice(0, 20).join('\n')}`);
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * Checks the files of one generated project in memory and counts them: markers, JSON (with
 * schemas), XML, PowerShell, YAML and the echoes in those formats. Python echoes are left to the
 * batch.
 */
export function checkFilesInMemory(files: Map<string, string>, echoes: readonly Echo[], counts: FileCounts): void {
  checkGeneratedFiles(files);
  counts.files += files.size;
  for (const [path, contents] of files) {
    if (path.endsWith('.json')) counts.json++;
    if (XML_FILES.test(path)) {
      parseXml(contents, path);
      counts.xml++;
    }
    if (path.endsWith('.ps1')) {
      assertPowerShellParses(contents, path);
      counts.powershell++;
    }
    if (/\.ya?ml$/.test(path)) {
      assert.doesNotThrow(() => parseYaml(contents), `${path} is not valid YAML`);
      counts.yaml++;
    }
  }
  for (const echo of echoes) {
    const contents = files.get(echo.path);
    assert.ok(contents !== undefined, `${echo.path} was not generated`);
    switch (echo.format) {
      case 'json':
        assert.deepEqual(pointerGet(JSON.parse(contents), echo.pointer), echo.expected, `${echo.path}${echo.pointer}`);
        break;
      case 'xml': {
        const elements = descendants(parseXml(contents, echo.path), echo.element);
        const values = elements.map((element) => (echo.attribute ? element.getAttribute(echo.attribute) : element.textContent));
        assert.ok(values.includes(echo.expected), `${echo.path}: no <${echo.element}> carries ${JSON.stringify(echo.expected)}; found ${JSON.stringify(values)}`);
        break;
      }
      case 'line':
        assert.ok(contents.split(/\r?\n/).includes(echo.expected), `${echo.path} has no line ${JSON.stringify(echo.expected)}`);
        break;
      case 'python':
        continue; // read back by Python in the batch
    }
    counts.echoes++;
  }
}
