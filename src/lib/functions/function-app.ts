/**
 * Reading and extending a v2 app's function_app.py: the function names it declares (for the
 * duplicate check) and the one import and one registration that add a blueprint module.
 */
import { UsageError } from '../errors.js';

/**
 * Names of the functions declared in a v2 module: `@x.function_name(name="...")` where given,
 * else the name of the decorated top-level `def`.
 */
export function declaredFunctionNames(source: string): string[] {
  const names: string[] = [];
  let decorators: string[] = [];
  for (const line of source.split(/\r?\n/)) {
    if (/^@/.test(line)) {
      decorators.push(line);
      continue;
    }
    // A decorator spread over several lines continues with indented or closing lines.
    if (decorators.length > 0 && /^(\s|\))/.test(line)) {
      decorators[decorators.length - 1] += `\n${line}`;
      continue;
    }
    const def = /^(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(line);
    if (def && decorators.length > 0) {
      const named = decorators.map((decorator) => /\.function_name\(\s*(?:name\s*=\s*)?(["'])(.+?)\1/.exec(decorator)?.[2]).find(Boolean);
      names.push(named ?? def[1]!);
    }
    decorators = [];
  }
  return names;
}

/** The FunctionApp variable of function_app.py: `app = func.FunctionApp(...)` or `df.DFApp(...)`. */
function appVariable(source: string): string {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=\n]+)?=\s*[A-Za-z_.]*\b(?:FunctionApp|DFApp)\(/m.exec(source);
  if (!match) {
    throw new UsageError('function_app.py does not create its FunctionApp as a top-level assignment such as app = func.FunctionApp(); add one, then run again.');
  }
  return match[1]!;
}

/**
 * Adds `from functions import <module>` after the last top-level import and
 * `<app>.register_functions(<module>.bp)` after the last registration (or at the end), leaving
 * every other line as it was.
 */
export function addRegistration(source: string, module: string): string {
  const app = appVariable(source);
  const newline = source.includes('\r\n') ? '\r\n' : '\n';
  const lines = source.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();

  let lastImport = -1;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!/^(import|from)\s/.test(line)) continue;
    // A parenthesised import ends at its closing parenthesis.
    let end = index;
    if (line.includes('(') && !line.includes(')')) while (end < lines.length - 1 && !lines[end]!.includes(')')) end++;
    lastImport = end;
    index = end;
  }
  const registration = new RegExp(`^${app}\\.register_functions\\(`);
  let lastRegistration = -1;
  lines.forEach((line, index) => {
    if (registration.test(line)) lastRegistration = index;
  });

  const registrationLine = `${app}.register_functions(${module}.bp)`;
  if (lastRegistration === -1) {
    // After a function body, a top-level statement follows two blank lines.
    const afterBody = /^\s/.test([...lines].reverse().find((line) => line.trim() !== '') ?? '');
    while (lines.at(-1)?.trim() === '') lines.pop();
    lines.push(...(afterBody ? ['', ''] : ['']), registrationLine);
  } else {
    lines.splice(lastRegistration + 1, 0, registrationLine);
  }
  lines.splice(lastImport + 1, 0, `from functions import ${module}`);
  return `${lines.join(newline)}${newline}`;
}
