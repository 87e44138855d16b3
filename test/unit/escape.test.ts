import { strict as assert } from 'node:assert';
import { batchArgument, jsonString, powershellString, pythonString, xml } from '../../src/lib/escape.js';
import { PYTHON } from '../support/python.js';
import { runOk } from '../support/run.js';

const SAMPLES = ['plain', `quotes " and ' and \``, 'a & b < c > d', 'back\\slash', 'line\nbreak\ttab\rreturn', '100% $(whoami) ${x} @{y}', 'ünïcødé ✓ 😀', '‘curly’ “double”', '</script>', ''];

describe('escaping', function () {
  it('JSON string literals read back as the value', function () {
    for (const value of SAMPLES) assert.equal(JSON.parse(jsonString(value)), value);
    assert.ok(!jsonString('</script>').includes('<'));
  });

  it('Python string literals read back as the value (checked by Python itself)', function () {
    const literals = SAMPLES.map(pythonString);
    const script = 'import ast, json, sys\nprint(json.dumps([ast.literal_eval(literal) for literal in json.loads(sys.stdin.read())]))';
    const output = runOk(PYTHON, ['-c', script], { input: JSON.stringify(literals), stdio: ['pipe', 'pipe', 'pipe'] }).stdout;
    assert.deepEqual(JSON.parse(output), SAMPLES);
    assert.equal(pythonString('\u0001'), '"\\x01"');
  });

  it('XML escapes the five special characters and refuses control characters', function () {
    assert.equal(xml(`a & b < c > d "e" 'f'`), 'a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;');
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    const decode = (text: string) => text.replace(/&(lt|gt|quot|apos|amp|#\d+);/g, (_, name: string) => named[name] ?? String.fromCharCode(Number(name.slice(1))));
    for (const value of SAMPLES) assert.equal(decode(xml(value)), value);
    assert.equal(xml('tab\tline\nreturn\r'), 'tab&#9;line&#10;return&#13;', 'white space that parsers normalise is written as character references');
    assert.throws(() => xml('bell\u0007'), /control character/);
    assert.throws(() => xml('\uffff'), /cannot be written into XML/);
  });

  it('PowerShell single-quoted literals double every kind of single quote and expand nothing', function () {
    assert.equal(powershellString("it's"), "'it''s'");
    assert.equal(powershellString('$(whoami) ${x} `n'), "'$(whoami) ${x} `n'");
    assert.equal(powershellString('‘x’'), "'‘‘x’’'");
  });

  it('batch arguments are quoted with % doubled, and quotes or line breaks are refused', function () {
    assert.equal(batchArgument('C:\\Program Files\\app'), '"C:\\Program Files\\app"');
    assert.equal(batchArgument('100%'), '"100%%"');
    assert.equal(batchArgument('a & b | c > d'), '"a & b | c > d"');
    assert.throws(() => batchArgument('say "hi"'), /double quote/);
    assert.throws(() => batchArgument('two\nlines'), /line break/);
  });
});
