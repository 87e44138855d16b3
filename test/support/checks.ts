import { strict as assert } from 'node:assert';
import { assertValid, type SchemaName } from './schemas.js';

/** Text that means a template was not rendered, or rendered a missing or wrong value. */
const LEFTOVER_MARKERS = ['<%', '%>', 'undefined', '[object Object]', 'NaN'];

const SCHEMA_BY_FILE: Partial<Record<string, SchemaName>> = {
  'host.json': 'host.json',
  'local.settings.json': 'local.settings.json',
  'function.json': 'function.json',
};

/**
 * Checks every generated file: no leftover template markers, every JSON file parses, and the
 * Functions files pass their schemas. Returns how many files were checked.
 */
export function checkGeneratedFiles(tree: Map<string, string>): number {
  for (const [path, contents] of tree) {
    for (const marker of LEFTOVER_MARKERS) {
      assert.ok(!contents.includes(marker), `${path} contains ${JSON.stringify(marker)}`);
    }
    if (path.endsWith('.json')) {
      let document: unknown;
      assert.doesNotThrow(() => (document = JSON.parse(contents)), `${path} is not valid JSON`);
      const schema = SCHEMA_BY_FILE[path.split('/').pop()!];
      if (schema) assertValid(schema, document, path);
    }
  }
  return tree.size;
}

/** A refused run: exit code 2 and exactly one line on stderr, matching `pattern`. */
export function assertOneLineFailure(result: { code: number; stderr: string }, pattern: RegExp): void {
  assert.equal(result.code, 2, `expected exit code 2, got ${result.code}:\n${result.stderr}`);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${result.stderr}`);
  assert.match(lines[0]!, pattern);
}
