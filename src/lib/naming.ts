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
  return checkPortableFolderName(name, FUNCTION_NAME_EXAMPLE);
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

// Web apps (App Service, Cloud Service web roles)

/**
 * Top-level names a generated web app owns or imports: its entry modules, folders and packages.
 * The app's own package must not take one of them.
 */
export const WEB_APP_MODULES: ReadonlySet<string> = new Set([
  'app', 'application', 'runserver', 'manage', 'pages', 'tests', 'conftest', 'static', 'staticfiles', 'templates', 'infra',
  'flask', 'django', 'werkzeug', 'jinja2', 'gunicorn', 'whitenoise', 'waitress', 'wfastcgi', 'pytest',
]);

const WEB_APP_NAME_EXAMPLE = 'mysite';

/**
 * The web app's Python package (the Flask package or the Django project): a lower-case identifier,
 * not a keyword, shadowing neither the standard library nor a module the app owns or imports
 * (checked case-insensitively, as Windows and macOS file systems compare names).
 */
export const checkWebAppName: Check = (name) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    return {
      rule: 'is not a valid Python package name: it must start with a lower-case ASCII letter or underscore and contain only lower-case letters, digits and underscores, at most 63 characters',
      example: WEB_APP_NAME_EXAMPLE,
    };
  }
  if (PYTHON_KEYWORDS.has(name)) return { rule: 'is a Python keyword and cannot be imported as a package', example: WEB_APP_NAME_EXAMPLE };
  const shadowed = [...PYTHON_STDLIB_MODULES, ...WEB_APP_MODULES].find((module) => module.toLowerCase() === name);
  if (shadowed) {
    return { rule: `would shadow the Python module or folder "${shadowed}" that the app imports or owns`, example: `${name}_site` };
  }
  return checkPortableFolderName(name, WEB_APP_NAME_EXAMPLE);
};

/** An App Service Python site extension id: `python3<minor><patch>x64` or `...x86`, e.g. python3111x64. */
export const checkSiteExtension: Check = (id) =>
  /^python3\d{2,4}x(?:64|86)$/.test(id)
    ? undefined
    : { rule: 'is not a Python site extension id: it must read python3<minor><patch> followed by x64 or x86, in lower case', example: 'python3111x64' };

/** A startup file in the app root, run by bash: a plain file name ending in `.sh`. */
export const checkStartupFile: Check = (name) =>
  /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}\.sh$/.test(name)
    ? undefined
    : { rule: 'must be a file name in the app root ending in .sh, made of letters, digits, ".", "_" and "-"', example: 'startup.sh' };

/** A whole number within `min`..`max`, as a check (options are given as text). */
export function checkIntegerRange(min: number, max: number, example: number): Check {
  return (value) =>
    /^(0|[1-9]\d{0,5})$/.test(value) && Number(value) >= min && Number(value) <= max
      ? undefined
      : { rule: `must be a whole number from ${min} to ${max}`, example: String(example) };
}

// Folder names that are valid identifiers yet would be lost: reserved by Windows, or ignored.

/** Device names Windows reserves in any folder, with or without an extension. */
const WINDOWS_RESERVED_NAMES: ReadonlySet<string> = new Set(['con', 'prn', 'aux', 'nul', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((digit) => [`com${digit}`, `lpt${digit}`])]);

/**
 * Folder names the generated projects' .gitignore or .funcignore exclude: code in such a folder
 * would never be committed or never be deployed. Compared case-insensitively, as Windows and macOS
 * match ignore rules. A test derives the names from the generated ignore files to keep this in step.
 */
export const IGNORED_FOLDER_NAMES: ReadonlySet<string> = new Set(['venv', 'env', 'build', 'dist', 'bin', 'obj', 'htmlcov', 'tests', 'dockerfile']);

/** A name used as a folder of a generated project: one Windows can create, and one that is not ignored. */
export function checkPortableFolderName(name: string, example: string): Problem | undefined {
  const lower = name.toLowerCase();
  if (WINDOWS_RESERVED_NAMES.has(lower)) {
    return { rule: 'is a device name Windows reserves, so the folder cannot be created there', example };
  }
  if (IGNORED_FOLDER_NAMES.has(lower)) {
    return { rule: 'is a folder name the project\'s .gitignore or .funcignore excludes, so it would never be committed or deployed', example };
  }
  return undefined;
}

// Cloud Services: service, role and sizes.

/** The service name: it becomes `<name>.cloudapp.net`, so it is a DNS label. */
export const checkServiceName: Check = (name) =>
  /^[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$/.test(name)
    ? undefined
    : { rule: 'is not a valid cloud service name: 2 to 63 letters, digits or hyphens, starting with a letter and not ending with a hyphen', example: 'contoso-orders' };

/** A role name: the role's folder, its csdef element and its cscfg entry; Python-friendly too. */
export const checkRoleName: Check = (name) => {
  if (!/^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(name)) {
    return { rule: 'is not a valid role name: a letter, then up to 62 letters, digits or underscores', example: 'WorkerRole1' };
  }
  if (name.toLowerCase() === 'bin') return { rule: 'is reserved for the scripts folder', example: 'WorkerRole1' };
  return checkPortableFolderName(name, 'WorkerRole1');
};

/** Instances of a role: the platform's limit per role is far above this; 1 is allowed (no SLA). */
export const checkInstanceCount: Check = checkIntegerRange(1, 100, 2);

/** Classic sizes; extended support takes ARM sizes (`Standard_...`). */
export const CLASSIC_VM_SIZES = ['ExtraSmall', 'Small', 'Medium', 'Large', 'ExtraLarge'] as const;

export const checkVmSize: Check = (size) =>
  (CLASSIC_VM_SIZES as readonly string[]).includes(size) || /^Standard_[A-Za-z0-9]+(_[A-Za-z0-9]+)*$/.test(size)
    ? undefined
    : { rule: `is not a role size: use ${CLASSIC_VM_SIZES.join(', ')} or an ARM size such as Standard_D1_v2`, example: 'Small' };

/** A CPython release as the python NuGet package publishes it: 3.minor.patch. */
export const checkPythonRelease: Check = (version) =>
  /^3\.(9|1[0-4])\.(0|[1-9][0-9]?)$/.test(version)
    ? undefined
    : { rule: 'is not a CPython release from 3.9.0 to 3.14.x (major.minor.patch, as published in the python NuGet package)', example: '3.12.10' };

// Functions trigger and binding settings (SPEC §3.3), and the v2 model's function names.

/** A v2 function name, as the official templates require: `^[a-zA-Z][a-zA-Z0-9_]{0,126}[a-zA-Z0-9]$`. */
export const checkV2FunctionName: Check = (name) => {
  if (!/^[A-Za-z][A-Za-z0-9_]{0,126}[A-Za-z0-9]$/.test(name)) {
    return { rule: 'is not a valid v2 function name: 2 to 128 letters, digits or underscores, starting with a letter and ending with a letter or digit', example: FUNCTION_NAME_EXAMPLE };
  }
  // Its blueprint module is the lower-case name, imported by function_app.py and the tests.
  if (PYTHON_KEYWORDS.has(name.toLowerCase())) return { rule: `would make the module functions/${name.toLowerCase()}.py, a Python keyword that cannot be imported`, example: `${name}Function` };
  return undefined;
};

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
