/**
 * Escaping for every format the generators write into. Each helper returns text that, placed at the
 * documented position in a file of that format, reads back as exactly the input value.
 */

/** Text content or a double- or single-quoted attribute value in XML. */
export function xml(value: string): string {
  assertNoControlCharacters(value, 'XML');
  if (/[\ufffe\uffff]/.test(value)) throw new Error(`U+FFFE and U+FFFF cannot be written into XML: ${JSON.stringify(value)}`);
  return (
    value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // A parser turns a literal tab or line break in an attribute into a space, and CR (and, in
      // XML 1.1 parsers, NEL and LS) into LF anywhere: as character references they read back.
      .replace(/[\t\n\r\u0085\u2028]/g, (char) => `&#${char.charCodeAt(0)};`)
  );
}

/** A complete JSON string literal, quotes included. Also safe inside JSON embedded in HTML. */
export function jsonString(value: string): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** A complete PowerShell single-quoted string literal: no expansion, `'` doubled. */
export function powershellString(value: string): string {
  // PowerShell also treats the typographic single quotes as quote characters.
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;
}

/**
 * A complete double-quoted argument for a batch file (`cmd.exe`) that does not enable delayed
 * expansion (ours never do). Inside quotes cmd.exe still expands `%`, so it is doubled. A value
 * with `"` or a line break cannot be represented and is rejected.
 */
export function batchArgument(value: string): string {
  if (/["\r\n]/.test(value)) {
    throw new Error(`A batch file argument cannot contain a double quote or a line break: ${JSON.stringify(value)}`);
  }
  assertNoControlCharacters(value, 'a batch file');
  return `"${value.replace(/%/g, '%%')}"`;
}

/** A complete Python string literal in double quotes, valid in any Python 3 source file. */
export function pythonString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function assertNoControlCharacters(value: string, format: string): void {
  // XML 1.0 forbids C0 controls other than tab, LF and CR, even as character references.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value)) {
    throw new Error(`A control character cannot be written into ${format}: ${JSON.stringify(value)}`);
  }
}
