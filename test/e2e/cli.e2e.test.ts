/** The `pyazure` bin itself: help, version, refusals, and the README's sample command. */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { optionsOf } from '../../src/lib/command.js';
import { COMMANDS } from '../../src/lib/commands.js';
import { describeDefault, flagOf } from '../../src/lib/options.js';
import { REPO_ROOT, tempDir } from '../support/paths.js';
import { pyazure, run } from '../support/run.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the pyazure bin', function () {
  let folder: string;
  beforeEach(() => (folder = tempDir('cli')));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('pyazure --help lists every generator', function () {
    const result = pyazure(['--help'], folder);
    assert.equal(result.code, 0);
    for (const command of COMMANDS) assert.match(result.stdout, new RegExp(`^  ${command.name} +${escapeRegExp(command.summary.slice(0, 20))}`, 'm'));
  });

  for (const command of COMMANDS) {
    it(`pyazure ${command.name} --help lists every option with its default, and writes nothing`, function () {
      const result = pyazure([command.name, '--help'], folder);
      assert.equal(result.code, 0, result.stderr);
      for (const spec of optionsOf(command)) {
        const name = spec.positional ? `<${spec.name}>` : `--${flagOf(spec)}`;
        assert.ok(result.stdout.includes(name), `${name} missing`);
        assert.ok(result.stdout.includes(`default: ${describeDefault(spec)}`), `default of ${name} missing`);
      }
      assert.deepEqual(readdirSync(folder), []);
    });
  }

  it('pyazure --version prints the package version', function () {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(pyazure(['--version'], folder).stdout, `${version}\n`);
  });

  const refusals: Array<[string[], RegExp]> = [
    [['functon', 'X'], new RegExp(`^pyazure: Generator "functon" is not a pyazure generator: use one of ${COMMANDS.map((command) => command.name).join(', ')} \\(run pyazure --help\\); for example "function"\\.$`)],
    [['function', 'X', '--trigerr', 'http'], /^pyazure: Option "--trigerr" is not an option of pyazure function \(run pyazure function --help\); for example "--trigger"\.$/],
    [['function', 'X', '-t', 'http'], /^pyazure: Option "-t" is not an option of pyazure function: options are spelled out in full/],
    [['function', 'X', '--trigger', 'kafka'], /^pyazure: --trigger "kafka" must be one of http, timer, blob, eventgrid-blob, queue, servicebus-queue, servicebus-topic, eventhub, eventgrid, cosmosdb, durable; for example "http"\.$/],
    [['function', 'X', '--trigger', 'queue', '--queue-name', 'Bad--Name'], /^pyazure: --queue-name "Bad--Name" is not a valid storage queue name: .*; for example "python-queue-items"\.$/],
    [['function', 'X', '--trigger', 'servicebus-queue', '--connection', 'Endpoint=sb://x;Key=y'], /^pyazure: --connection "Endpoint=sb:\/\/x;Key=y" looks like a connection string: .*; for example "ServiceBusConnection"\.$/],
    [['function', 'X', '--trigger', 'http', '--queue-name', 'q1x'], /^pyazure: --queue-name "q1x" does not apply here: it is used only with --trigger http with --output queue, queue, servicebus-queue; for example /],
    [['function', 'X', '--model', 'v2', '--script-file', 'x.py'], /^pyazure: --script-file "x\.py" does not apply here: it is used only with --model v1; for example /],
    [['function', 'X_', '--model', 'v2'], /^pyazure: Function name "X_" is not a valid v2 function name/],
    [['function', 'X', '--worker-process-count', '11'], /^pyazure: --worker-process-count "11" must be a whole number from 1 to 10; for example "2"\.$/],
    [['function', 'X', '--trigger', 'timer', '--route', 'x'], /^pyazure: --route "x" does not apply here: it is used only with --trigger http; for example "--trigger http --route x"\.$/],
    [['function', '--trigger', 'http'], /^pyazure: <name> is missing: .*; for example "HttpExample"\.$/],
    [['function', 'X', '--methods', 'get,fetch'], /^pyazure: --methods "get,fetch" must be a comma-separated list of get, post/],
    [['function', 'X', '--model', 'v3'], /^pyazure: --model "v3" must be one of v1, v2; for example "v1"\.$/],
    [['function', 'X', '--python', '3.9'], /^pyazure: --python "3\.9" must be one of 3\.11, 3\.12, 3\.13, 3\.14/],
    [['app', 'X', '--project', 'website'], /^pyazure: --project "website" must be one of function/],
  ];
  for (const [args, message] of refusals) {
    it(`refuses pyazure ${args.join(' ')} with one line, exit code 2 and nothing written`, function () {
      const result = pyazure(args, folder);
      assert.equal(result.code, 2, result.stdout + result.stderr);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.match(result.stderr.trim(), message);
      assert.deepEqual(readdirSync(folder), []);
    });
  }

  it('npm run sample (the README quick start) generates the sample app with defaults', function () {
    const result = run(process.execPath, [join(REPO_ROOT, 'scripts', 'sample.mjs')], { cwd: REPO_ROOT });
    assert.equal(result.code, 0, result.stderr);
    const sample = join(REPO_ROOT, 'sample-app');
    for (const path of ['host.json', 'HttpExample/function.json', 'tests/test_httpexample.py']) assert.ok(existsSync(join(sample, path)), path);
  });
});
