/** Rewrites the option tables in README.md from the option declarations (`npm run readme`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { COMMANDS } from '../src/lib/commands.js';
import { withOptionTables } from '../src/lib/docs.js';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const updated = withOptionTables(readme, COMMANDS);
if (updated !== readme) writeFileSync(path, updated);
process.stdout.write(updated === readme ? 'README.md option tables are up to date.\n' : 'README.md option tables rewritten.\n');
