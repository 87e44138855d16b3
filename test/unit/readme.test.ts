import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { optionsOf } from '../../src/lib/command.js';
import { COMMANDS } from '../../src/lib/commands.js';
import { helpText, optionsTable, withOptionTables } from '../../src/lib/docs.js';
import { flagOf } from '../../src/lib/options.js';
import { REPO_ROOT } from '../support/paths.js';

describe('documentation from the option declarations', function () {
  it('README.md option tables match the declarations (npm run readme rewrites them)', function () {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    assert.equal(withOptionTables(readme, COMMANDS), readme);
  });

  for (const command of COMMANDS) {
    it(`${command.name}: --help and the README table list every option`, function () {
      const help = helpText(command);
      const table = optionsTable(command);
      for (const spec of optionsOf(command)) {
        const name = spec.positional ? `<${spec.name}>` : `--${flagOf(spec)}`;
        assert.ok(help.includes(name), `--help misses ${name}`);
        assert.ok(table.includes(name), `README table misses ${name}`);
      }
    });
  }
});
