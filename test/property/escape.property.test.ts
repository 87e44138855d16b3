/**
 * The escaping helpers every template uses, on random text full of metacharacters: what they return
 * must read back as the input in its format, checked by that format's own parser.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { batchArgument, jsonString, powershellString, pythonString, xml } from '../../src/lib/escape.js';
import { assertPowerShellParses, stringLiteralsIn } from '../support/powershell.js';
import { PYTHON } from '../support/python.js';
import { runOk } from '../support/run.js';
import { childElements, parseXml } from '../support/xml.js';

const RUNS = 500;

/** Text dense in the characters each format treats specially, plus any Unicode. */
const METACHARACTERS = [...`<>&"'\`$%!^|;,=()[]{}@#~*?\\/\t\n\r `, '\u2018', '\u2019', '\u201a', '\u201b', '\u201c', '\u201d', '\u00a0', '\u2028', '\u0085', '😀'];
const text = fc.string({ unit: fc.oneof(fc.constantFrom(...METACHARACTERS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 40 });
/**
 * Characters XML 1.0 can carry at all (no C0 controls but tab, LF, CR; no U+FFFE/U+FFFF), without
 * U+FFFD, which is valid but which the strict test parser reports as a likely encoding error.
 */
const xmlText = text.filter((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd\ufffe\uffff]/.test(value));

describe('escaping helpers on random text (fast-check)', function () {
  it(`xml(): attribute values and text read back exactly (${RUNS} cases, xmldom)`, function () {
    fc.assert(
      fc.property(xmlText, (value) => {
        const document = parseXml(`<?xml version="1.0" encoding="utf-8"?>\n<setting name="${xml(value)}" other='${xml(value)}'>${xml(value)}</setting>\n`);
        const element = childElements(document)[0]!;
        assert.equal(element.getAttribute('name'), value, 'double-quoted attribute');
        assert.equal(element.getAttribute('other'), value, 'single-quoted attribute');
        assert.equal(element.textContent, value, 'text content');
      }),
      { numRuns: RUNS },
    );
  });

  it(`jsonString(): parses back, and never carries <, > or & (${RUNS} cases)`, function () {
    fc.assert(
      fc.property(text, (value) => {
        const literal = jsonString(value);
        assert.equal(JSON.parse(`{"key": ${literal}}`).key, value);
        assert.doesNotMatch(literal, /[<>&]/);
      }),
      { numRuns: RUNS },
    );
  });

  it(`powershellString(): one single-quoted literal that the grammar delimits exactly (${RUNS} cases)`, function () {
    fc.assert(
      fc.property(text, (value) => {
        const literal = powershellString(value);
        const script = `$value = ${literal}\nWrite-Output $value\n`;
        assertPowerShellParses(script);
        assert.deepEqual(stringLiteralsIn(script), [literal]);
        // Inside a verbatim literal only doubled quotes are special: undoing them gives the value.
        assert.equal(literal.slice(1, -1).replace(/(['\u2018\u2019\u201a\u201b])\1/g, '$1'), value);
      }),
      { numRuns: RUNS },
    );
  });

  it(`batchArgument(): one quoted argument with every % doubled, or a refusal (${RUNS} cases)`, function () {
    fc.assert(
      fc.property(text, (value) => {
        if (/["\r\n\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value)) {
          assert.throws(() => batchArgument(value));
          return;
        }
        const argument = batchArgument(value);
        assert.match(argument, /^"[^"\r\n]*"$/);
        // cmd.exe reads %% as one %: undoing it gives the value, and no single % is left to expand.
        assert.doesNotMatch(argument.replace(/%%/g, ''), /%/);
        assert.equal(argument.slice(1, -1).replace(/%%/g, '%'), value);
      }),
      { numRuns: RUNS },
    );
  });

  it(`pythonString(): every literal evaluates back to its value in Python (${RUNS} cases, one interpreter)`, function () {
    const values = fc.sample(text, { numRuns: RUNS, seed: 42 });
    const source = values.map((value, index) => `V${index} = ${pythonString(value)}\n`).join('');
    const script = 'import ast, json, sys\nsource = sys.stdin.read()\ntree = ast.parse(source)\nprint(json.dumps([ast.literal_eval(node.value) for node in tree.body]))';
    const output = runOk(PYTHON, ['-c', script], { input: source, stdio: ['pipe', 'pipe', 'pipe'] }).stdout;
    assert.deepEqual(JSON.parse(output), values);
  });
});
