import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { outputPath, renderDir, TEMPLATES_ROOT } from '../../src/lib/templates.js';

describe('templates', function () {
  it('maps template paths to output paths', function () {
    assert.equal(outputPath('dot-vscode/settings.json.ejs'), '.vscode/settings.json');
    assert.equal(outputPath('dot-gitignore'), '.gitignore');
    assert.equal(outputPath('shared_code/__init__.py'), 'shared_code/__init__.py');
  });

  it('refuses <%= %>, which would HTML-escape', function () {
    const dir = mkdtempSync(join(TEMPLATES_ROOT, 'tmp-'));
    try {
      mkdirSync(join(dir, 'x'));
      writeFileSync(join(dir, 'x', 'bad.py.ejs'), 'name = "<%= name %>"\n');
      assert.throws(() => renderDir(`${dir.slice(TEMPLATES_ROOT.length)}/x`, { name: 'a&b' }), /must not use <%= %>/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('escapes values with the helper of the target format', function () {
    const dir = mkdtempSync(join(TEMPLATES_ROOT, 'tmp-'));
    try {
      writeFileSync(join(dir, 'value.py.ejs'), 'VALUE = <%- py(value) %>\n');
      const [file] = renderDir(dir.slice(TEMPLATES_ROOT.length), { value: 'say "hi"\n' });
      assert.deepEqual(file, { path: 'value.py', contents: 'VALUE = "say \\"hi\\"\\n"\n' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
