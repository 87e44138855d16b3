/**
 * Answers + what is in the folder -> the files of a new Functions app with its first function, or
 * of one more function in an existing app, in either programming model.
 */
import { UsageError } from '../errors.js';
import { checkFunctionName, checkV2FunctionName, describeProblem, findNameClash } from '../naming.js';
import { type Answers, flagOf } from '../options.js';
import type { Plan, PlannedFile } from '../plan.js';
import { mergeAppSettings, mergeRequirements, type ProjectSnapshot } from '../project.js';
import { FUNCTIONS_PYTHON_VERSIONS, isPreviewPython } from '../python.js';
import { renderDir, renderFile } from '../templates.js';
import { WORKER_SETTING_NAMES } from './command.js';
import { decoratorsFor } from './decorators.js';
import { addRegistration, declaredFunctionNames } from './function-app.js';
import { connectionSettings, type FunctionPart, triggerById, type TriggerSpec } from './triggers.js';

export interface FunctionsApp {
  /** host.json is present. */
  exists: boolean;
  model: 'v1' | 'v2';
  /** Functions the app declares: v1 folders with a function.json, v2 decorated functions. */
  functionNames: string[];
}

/** Where a v2 app keeps its blueprint modules, one per function. */
const V2_PACKAGE = 'functions';

function v2Sources(project: ProjectSnapshot): string[] {
  const modules = project.list(V2_PACKAGE).filter((entry) => entry.endsWith('.py')).map((entry) => `${V2_PACKAGE}/${entry}`);
  return ['function_app.py', ...modules].map((path) => project.read(path) ?? '');
}

export function inspectFunctionsApp(project: ProjectSnapshot): FunctionsApp {
  const exists = project.read('host.json') !== undefined;
  const model = project.read('function_app.py') === undefined ? 'v1' : 'v2';
  const folders = project.list().filter((entry) => project.isDirectory(entry) && project.read(`${entry}/function.json`) !== undefined);
  const functionNames = model === 'v2' ? [...folders, ...v2Sources(project).flatMap(declaredFunctionNames)] : folders;
  return { exists, model, functionNames };
}

/** Values an existing app fixes, whatever the options say. */
export function fixedByApp(app: FunctionsApp, teamDefaults: Answers): Answers {
  if (!app.exists) return {};
  return { model: app.model, python: teamDefaults.python, docker: teamDefaults.docker };
}

/** Settings every app has in local.settings.json; storage points at Azurite. */
const BASE_APP_SETTINGS = {
  FUNCTIONS_WORKER_RUNTIME: 'python',
  AzureWebJobsStorage: 'UseDevelopmentStorage=true',
};

export function testFileOf(functionName: string): string {
  return `tests/test_${functionName.toLowerCase()}.py`;
}

/** The module of a v2 function: lowercase, so unique whenever the names are (case-insensitively). */
function v2Module(functionName: string): string {
  return functionName.toLowerCase();
}

/** The file holding a function's code in the app. */
function codeFileOf(part: FunctionPart, model: string, answers: Answers): string {
  if (model === 'v2') return `${V2_PACKAGE}/${v2Module(part.name)}.py`;
  return `${part.name}/${(answers.scriptFile as string | undefined) ?? '__init__.py'}`;
}

/** The import a test uses for a function's entry point, `alias` naming it in the test. */
function importOf(part: FunctionPart, model: string, answers: Answers, alias: string): string {
  const entryPoint = model === 'v1' ? ((answers.entryPoint as string | undefined) ?? 'main') : 'main';
  const script = ((answers.scriptFile as string | undefined) ?? '__init__.py').replace(/\.py$/, '');
  const module = model === 'v2' ? `${V2_PACKAGE}.${v2Module(part.name)}` : script === '__init__' ? part.name : `${part.name}.${script}`;
  return `from ${module} import ${entryPoint}${alias === entryPoint ? '' : ` as ${alias}`}`;
}

function refuseName(name: string, rule: string): never {
  throw new UsageError(describeProblem('Function name', name, { rule, example: `${name}2` }));
}

function checkNames(parts: readonly FunctionPart[], app: FunctionsApp, project: ProjectSnapshot, model: string): void {
  for (const part of parts) {
    const problem = checkFunctionName(part.name) ?? (model === 'v2' ? checkV2FunctionName(part.name) : undefined);
    if (problem) throw new UsageError(describeProblem('Function name', part.name, problem));
    const clash = findNameClash(part.name, app.functionNames);
    if (clash) refuseName(part.name, `is taken: the app already has a function "${clash}" (names are case-insensitive)`);
    const entry = findNameClash(part.name, project.list());
    if (model === 'v1' && entry) refuseName(part.name, `is taken by the existing file or folder "${entry}"`);
  }
}

/** The trigger's own stricter rules for options shared with other triggers (e.g. queue names). */
function checkTriggerOptions(trigger: TriggerSpec, answers: Answers): void {
  for (const use of trigger.options) {
    const value = answers[use.option.name];
    if (!use.check || typeof value !== 'string' || !(use.when?.(answers) ?? true)) continue;
    const problem = use.check(value);
    if (problem) throw new UsageError(describeProblem(`--${flagOf(use.option)}`, value, problem));
  }
}

/** Worker settings given as options, as local.settings.json values. */
function workerSettings(answers: Answers): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const [option, setting] of Object.entries(WORKER_SETTING_NAMES)) {
    const value = answers[option];
    if (value !== undefined) settings[setting] = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  }
  return settings;
}

export function planFunction(answers: Answers, project: ProjectSnapshot, appName: string): Plan {
  const app = inspectFunctionsApp(project);
  const model = answers.model as 'v1' | 'v2';
  const trigger = triggerById(answers.trigger as string);
  const parts = trigger.functions(answers);
  checkNames(parts, app, project, model);
  checkTriggerOptions(trigger, answers);
  const bindings = parts.flatMap((part) => part.bindings);
  const durable = trigger.durable === true;

  const data = {
    ...answers,
    appName,
    imageName: appName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-'),
    model,
    durable,
    entryPoint: model === 'v1' ? ((answers.entryPoint as string | undefined) ?? 'main') : 'main',
    docker: answers.docker === true,
    pythonPreview: isPreviewPython(answers.python as string, FUNCTIONS_PYTHON_VERSIONS),
    names: Object.fromEntries(parts.map((part) => [part.template, part.name])),
    importOf: (template: string, alias: string) => importOf(parts.find((part) => part.template === template)!, model, answers, alias),
    ...trigger.sample(answers),
  };
  // Project files are the user's once they exist; the ones functions add to are merged.
  const projectMode = app.exists ? 'create-if-missing' : 'create';
  const files: PlannedFile[] = [];
  const templateDirs = ['function/app', ...(model === 'v2' ? ['function/v2'] : []), ...(data.docker ? ['function/docker'] : [])];
  for (const file of templateDirs.flatMap((dir) => renderDir(dir, data))) {
    const existing = project.read(file.path);
    if (file.path === 'local.settings.json') {
      const settings = { ...BASE_APP_SETTINGS, ...connectionSettings(bindings), ...workerSettings(answers) };
      files.push({ path: file.path, contents: mergeAppSettings(existing ?? file.contents, settings), mode: existing === undefined ? 'create' : 'update' });
    } else if (file.path === 'requirements.txt') {
      const requirements = ['azure-functions', ...trigger.requirements(answers)];
      files.push({ path: file.path, contents: mergeRequirements(existing ?? file.contents, requirements), mode: existing === undefined ? 'create' : 'update' });
    } else if (file.path === 'function_app.py') {
      const registered = parts.reduce((source, part) => addRegistration(source, v2Module(part.name)), existing ?? file.contents);
      files.push({ path: file.path, contents: registered, mode: existing === undefined ? 'create' : 'update' });
    } else {
      files.push({ ...file, mode: projectMode });
    }
  }

  for (const module of trigger.sharedCode) {
    files.push({ path: `shared_code/${module}`, contents: renderFile(`function/shared_code/${module}`, data), mode: 'create-if-missing' });
  }
  for (const part of parts) {
    // v2 modules declare a blueprint and decorate the entry point; v1 modules are plain.
    const partData = {
      ...data,
      name: part.name,
      blueprint: model === 'v2' ? `\nbp = ${durable ? 'df' : 'func'}.Blueprint()\n` : '',
      decorated: model === 'v2' ? decoratorsFor('bp', part.name, part.bindings).map((line) => `${line}\n`).join('') : '',
    };
    files.push({ path: codeFileOf(part, model, answers), contents: renderFile(`function/triggers/${trigger.id}/${part.template}.py.ejs`, partData), mode: 'create' });
    if (model === 'v1') {
      const entry = {
        ...(answers.scriptFile === undefined ? { scriptFile: '__init__.py' } : { scriptFile: answers.scriptFile }),
        ...(answers.entryPoint === undefined ? {} : { entryPoint: answers.entryPoint }),
      };
      files.push({ path: `${part.name}/function.json`, contents: `${JSON.stringify({ ...entry, bindings: part.bindings }, null, 2)}\n`, mode: 'create' });
    }
  }
  const name = answers.name as string;
  files.push({ path: testFileOf(name), contents: renderFile(`function/triggers/${trigger.id}/test.py.ejs`, data), mode: 'create' });

  const made = parts.map((part) => part.name).join(', ');
  return {
    files,
    createsProject: !app.exists,
    summary: app.exists
      ? `Added the ${trigger.id} function${parts.length > 1 ? 's' : ''} ${made} and the test ${testFileOf(name)}.`
      : `Created the Functions app ${appName} (model ${model}) with the ${trigger.id} function${parts.length > 1 ? 's' : ''} ${made}.`,
    nextSteps: [
      ...(app.exists ? [] : [`python${answers.python} -m venv .venv && . .venv/bin/activate`]),
      'python -m pip install -r requirements-dev.txt',
      'python -m pytest',
      'func start',
    ],
  };
}
