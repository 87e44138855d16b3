/**
 * The naming rules Azure and Python enforce, as pure functions. A check returns `undefined` for a
 * valid value, or a {@link Problem}: the rule the value breaks and a value that would pass, so that
 * every message can name the value, the rule and a valid example in one line.
 */

export interface Problem {
  /** Reads after the quoted value: `"1bad" <rule>; for example "<example>".` */
  rule: string;
  example: string;
}

export type Check = (value: string) => Problem | undefined;

/** One line: `<subject> "<value>" <rule>; for example "<example>".` */
export function describeProblem(subject: string, value: unknown, problem: Problem): string {
  return `${subject} ${JSON.stringify(value)} ${problem.rule}; for example ${JSON.stringify(problem.example)}.`;
}

export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/**
 * Top-level modules of the standard library of Python 3.11 to 3.14 (`sys.stdlib_module_names`
 * without private names). A function folder with one of these names would shadow the module for
 * the whole app, because the worker puts the app root first on `sys.path`.
 */
export const PYTHON_STDLIB_MODULES: ReadonlySet<string> = new Set(`
abc aifc annotationlib antigravity argparse array ast asynchat asyncio asyncore atexit audioop
base64 bdb binascii bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs
codeop collections colorsys compileall compression concurrent configparser contextlib contextvars
copy copyreg crypt csv ctypes curses dataclasses datetime dbm decimal difflib dis distutils doctest
email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib
functools gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http
idlelib imaplib imghdr imp importlib inspect io ipaddress itertools json keyword lib2to3 linecache
locale logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib msvcrt
multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode operator optparse os
ossaudiodev pathlib pdb pickle pickletools pipes pkgutil platform plistlib poplib posix posixpath
pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re
readline reprlib resource rlcompleter runpy sched secrets select selectors shelve shlex shutil
signal site smtpd smtplib sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants
sre_parse ssl stat statistics string stringprep struct subprocess sunau symtable sys sysconfig
syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading time timeit tkinter
token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing unicodedata
unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml
xmlrpc zipapp zipfile zipimport zlib zoneinfo
`.trim().split(/\s+/));

/**
 * Top-level names a generated Functions app imports or owns besides the standard library: the app's
 * own packages, the SDK, the test runner, and the files the host and worker look for.
 */
export const FUNCTIONS_APP_MODULES: ReadonlySet<string> = new Set([
  'azure', 'shared_code', 'tests', 'function_app', 'conftest', 'pytest', 'werkzeug',
]);

const FUNCTION_NAME_EXAMPLE = 'HttpExample';

/**
 * A function name in the v1 model. The host requires `^[a-z][a-z0-9_-]{0,127}$` (case-insensitive)
 * and reserves `host`; the worker imports the folder as a Python package, so it must also be an
 * identifier, not a keyword, and must not shadow a module the app imports. Shadowing is checked
 * case-insensitively because Windows and macOS file systems are.
 */
export const checkFunctionName: Check = (name) => {
  if (!/^[A-Za-z][A-Za-z0-9_]{0,127}$/.test(name)) {
    return {
      rule: 'is not a valid function name: it must start with an ASCII letter and contain only letters, digits and underscores, at most 128 characters',
      example: FUNCTION_NAME_EXAMPLE,
    };
  }
  const lower = name.toLowerCase();
  if (lower === 'host') {
    return { rule: 'is reserved by the Functions host', example: FUNCTION_NAME_EXAMPLE };
  }
  if (PYTHON_KEYWORDS.has(name)) {
    return { rule: 'is a Python keyword and cannot be imported as a package', example: FUNCTION_NAME_EXAMPLE };
  }
  const shadowed = [...PYTHON_STDLIB_MODULES, ...FUNCTIONS_APP_MODULES].find((module) => module.toLowerCase() === lower);
  if (shadowed) {
    return {
      rule: `would shadow the Python module "${shadowed}" that the app imports (function folders are imported as top-level packages)`,
      example: `${name[0]!.toUpperCase()}${name.slice(1)}Function`,
    };
  }
  return undefined;
};

/** The host compares function names case-insensitively, so `Orders` and `orders` collide. */
export function findNameClash(name: string, existing: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  for (const other of existing) if (other.toLowerCase() === lower) return other;
  return undefined;
}

/** A binding name: `^[a-zA-Z][a-zA-Z0-9]{0,127}$` (no underscores), or `$return`. */
export const checkBindingName: Check = (name) =>
  name === '$return' || /^[A-Za-z][A-Za-z0-9]{0,127}$/.test(name)
    ? undefined
    : { rule: 'is not a valid binding name: it must start with a letter and contain only letters and digits (no underscores), at most 128 characters', example: 'req' };

export const HTTP_METHODS = ['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/**
 * An HTTP trigger route template, relative to the `api/` prefix: no leading slash, no query or
 * fragment, balanced `{parameter}` or `{parameter:constraint}` segments.
 */
export const checkRoute: Check = (route) => {
  const example = 'products/{category:alpha}/{id:int?}';
  if (route.length === 0 || route.length > 1024) {
    return { rule: 'must be a route template of 1 to 1024 characters', example };
  }
  if (route.startsWith('/') || route.startsWith('~')) {
    return { rule: 'must be relative to the api/ prefix, without a leading "/"', example };
  }
  if (/[^\x21-\x7e]/.test(route)) {
    return { rule: 'may contain only printable ASCII characters, without spaces', example };
  }
  if (/\/\//.test(route)) {
    return { rule: 'must not contain an empty segment ("//")', example };
  }
  // Parameters may hold "?" (optional) and constraints; the literal text around them may not.
  const literalText = route.replace(/\{[A-Za-z_][A-Za-z0-9_]*(?::[^{}/]+)?\??\}/g, '');
  if (/[{}]/.test(literalText)) {
    return { rule: 'has a malformed parameter: use {name}, {name?} or {name:constraint}', example };
  }
  if (/[?#\\"<>|%]/.test(literalText)) {
    return { rule: 'must not contain "?", "#", "\\", quotes, "<", ">", "|" or "%" outside parameters', example };
  }
  return undefined;
};

const NCRONTAB_FIELDS = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'day-of-week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
] as const;

const SCHEDULE_EXAMPLE = '0 */5 * * * *';

/**
 * A timer schedule: a six-field NCRONTAB expression `{second} {minute} {hour} {day} {month}
 * {day-of-week}` (each field `*`, a value, a range `a-b`, a list `a,b`, each with an optional step
 * `/n`; months and days of the week also by three-letter name), or an app setting `%Name%`.
 */
export const checkNcrontab: Check = (expression) => {
  if (/^%[A-Za-z_][A-Za-z0-9_.:-]*%$/.test(expression)) return undefined;
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 6) {
    return {
      rule: `has ${fields.length} field${fields.length === 1 ? '' : 's'}, but an NCRONTAB schedule has six: {second} {minute} {hour} {day} {month} {day-of-week}`,
      example: SCHEDULE_EXAMPLE,
    };
  }
  for (const [index, field] of fields.entries()) {
    const spec = NCRONTAB_FIELDS[index]!;
    const names: readonly string[] = 'names' in spec ? spec.names : [];
    const toNumber = (token: string): number | undefined => {
      if (/^\d{1,2}$/.test(token)) return Number(token);
      const position = names.indexOf(token.toUpperCase());
      return position === -1 ? undefined : spec.min + position;
    };
    for (const part of field.split(',')) {
      const match = /^(\*|([A-Za-z0-9]+)(?:-([A-Za-z0-9]+))?)(?:\/(\d{1,2}))?$/.exec(part);
      const badField = {
        rule: `has an invalid ${spec.name} field "${field}": use *, a value, a range a-b or a list a,b, optionally with a step /n, within ${spec.min}-${spec.max}`,
        example: SCHEDULE_EXAMPLE,
      };
      if (!match) return badField;
      const [, , from, to, step] = match;
      if (step !== undefined && Number(step) === 0) return badField;
      for (const token of [from, to]) {
        if (token === undefined) continue;
        const value = toNumber(token);
        if (value === undefined || value < spec.min || value > spec.max) return badField;
      }
      if (from !== undefined && to !== undefined && toNumber(from)! > toNumber(to)!) return badField;
    }
  }
  return undefined;
};

// Functions trigger and binding settings (SPEC §3.3), and the v2 model's function names.

/** A v2 function name, as the official templates require: `^[a-zA-Z][a-zA-Z0-9_]{0,126}[a-zA-Z0-9]$`. */
export const checkV2FunctionName: Check = (name) =>
  /^[A-Za-z][A-Za-z0-9_]{0,126}[A-Za-z0-9]$/.test(name)
    ? undefined
    : { rule: 'is not a valid v2 function name: 2 to 128 letters, digits or underscores, starting with a letter and ending with a letter or digit', example: FUNCTION_NAME_EXAMPLE };

/** `%AppSetting%` or `{token}`: resolved by the host, so any such value is accepted as it is. */
const BINDING_EXPRESSION = /^(%[A-Za-z_][A-Za-z0-9_.:-]*%|\{[A-Za-z_][A-Za-z0-9_.-]*\})$/;

/** A storage queue name: 3-63 lowercase letters, digits and single hyphens, alphanumeric at both ends. */
export const checkStorageQueueName: Check = (name) =>
  BINDING_EXPRESSION.test(name) || (/^[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]$/.test(name))
    ? undefined
    : { rule: 'is not a valid storage queue name: 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit (or %AppSetting%)', example: 'python-queue-items' };

/** A blob container name: the storage queue rule (3-63, lowercase, single hyphens). */
function isContainerName(name: string): boolean {
  return /^[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]$/.test(name);
}

/** A blob path `<container>/<path>`, where the path may hold `{name}` tokens. */
export const checkBlobPath: Check = (path) => {
  const example = 'samples-workitems/{name}';
  const slash = path.indexOf('/');
  if (slash === -1) return { rule: 'must be <container>/<blob path>', example };
  const container = path.slice(0, slash);
  if (!BINDING_EXPRESSION.test(container) && !isContainerName(container)) {
    return { rule: `has an invalid container "${container}": 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit`, example };
  }
  const blob = path.slice(slash + 1);
  if (blob.length === 0 || blob.length > 1024 || /[^\x21-\x7e]|["\\]/.test(blob)) {
    return { rule: 'must have a blob path of 1 to 1024 printable ASCII characters without spaces, quotes or backslashes after the container', example };
  }
  if (/[{}]/.test(blob.replace(/\{[A-Za-z_][A-Za-z0-9_-]*\}/g, ''))) return { rule: 'has a malformed token: use {name}', example };
  return undefined;
};

/** A Service Bus queue, topic or subscription name. */
export const checkServiceBusName: Check = (name) =>
  BINDING_EXPRESSION.test(name) || /^[A-Za-z0-9]$/.test(name) || /^[A-Za-z0-9][A-Za-z0-9._-]{0,48}[A-Za-z0-9]$/.test(name)
    ? undefined
    : { rule: 'is not a valid Service Bus name: 1 to 50 letters, digits, ".", "-" or "_", starting and ending with a letter or digit (or %AppSetting%)', example: 'orders' };

/** A queue name for either service: the trigger's own rule is checked when the plan is made. */
export const checkQueueName: Check = (name) => (checkStorageQueueName(name) && checkServiceBusName(name) ? checkStorageQueueName(name) : undefined);

/** An Event Hub name: 1 to 256 letters, digits, ".", "-" or "_", starting and ending with a letter or digit. */
export const checkEventHubName: Check = (name) =>
  BINDING_EXPRESSION.test(name) || /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,254}[A-Za-z0-9])?$/.test(name)
    ? undefined
    : { rule: 'is not a valid Event Hub name: 1 to 256 letters, digits, ".", "-" or "_", starting and ending with a letter or digit', example: 'samples-workitems' };

/** An Event Hubs consumer group: `$Default` or 1 to 50 letters, digits, ".", "-" or "_". */
export const checkConsumerGroup: Check = (name) =>
  name === '$Default' || BINDING_EXPRESSION.test(name) || /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,48}[A-Za-z0-9])?$/.test(name)
    ? undefined
    : { rule: 'is not a valid consumer group: $Default, or 1 to 50 letters, digits, ".", "-" or "_", starting and ending with a letter or digit', example: '$Default' };

/** A Cosmos DB database or container id: 1 to 255 characters, none of / \ # ? and no trailing space. */
export const checkCosmosName: Check = (name) =>
  /^[^/\\#?\s"'%{}]{1,255}$/.test(name) || BINDING_EXPRESSION.test(name)
    ? undefined
    : { rule: 'is not a valid Cosmos DB id: 1 to 255 characters without spaces, "/", "\\", "#", "?", quotes, "%" or braces', example: 'my-database' };

/** A connection: the name of an app setting that holds the connection, never the connection string. */
export const checkAppSettingName: Check = (name) => {
  if (/[=;]/.test(name)) return { rule: 'looks like a connection string: give the name of the app setting that holds it', example: 'ServiceBusConnection' };
  return /^[A-Za-z_][A-Za-z0-9_]{0,127}(?:__[A-Za-z0-9_]+)*$/.test(name)
    ? undefined
    : { rule: 'is not a valid app setting name: a letter or underscore, then letters, digits or underscores', example: 'ServiceBusConnection' };
};

/** A whole number in a range, for worker settings. */
export function checkWholeNumber(min: number, max: number, example: string): Check {
  return (value) => (/^\d{1,4}$/.test(value) && Number(value) >= min && Number(value) <= max ? undefined : { rule: `must be a whole number from ${min} to ${max}`, example });
}

/** A Python identifier that is not a keyword: an importable module or a callable's name. */
export const checkPythonIdentifier: Check = (name) =>
  /^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(name) && !PYTHON_KEYWORDS.has(name)
    ? undefined
    : { rule: 'is not a Python identifier: a letter or underscore, then letters, digits or underscores, and not a keyword', example: 'main' };

/** A v1 script file: a Python module in the function folder, imported by the worker. */
export const checkScriptFile: Check = (file) =>
  /\.py$/.test(file) && !checkPythonIdentifier(file.slice(0, -3))
    ? undefined
    : { rule: 'is not a Python module file name: an identifier followed by .py', example: 'handler.py' };
