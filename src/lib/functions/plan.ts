/**
 * Answers + what is in the folder -> the files of a new Functions app with its first function, or
 * of one more function in an existing app.
 */
import { UsageError } from '../errors.js';
import { describeProblem, findNameClash } from '../naming.js';
import type { Answers } from '../options.js';
import type { Plan, PlannedFile } from '../plan.js';
import { mergeAppSettings, mergeRequirements, type ProjectSnapshot } from '../project.js';
import { FUNCTIONS_PYTHON_VERSIONS, isPreviewPython } from '../python.js';
import { renderDir, renderFile } from '../templates.js';
import { triggerById } from './triggers.js';

export interface FunctionsApp {
  /** host.json is present. */
  exists: boolean;
  model: 'v1' | 'v2';
  /** Folders with a function.json. */
  functionNames: string[];
}

export function inspectFunctionsApp(project: ProjectSnapshot): FunctionsApp {
  const exists = project.read('host.json') !== undefined;
  const model = project.read('function_app.py') === undefined ? 'v1' : 'v2';
  const functionNames = project.list().filter((entry) => project.isDirectory(entry) && project.read(`${entry}/function.json`) !== undefined);
  return { exists, model, functionNames };
}

/** Values an existing app fixes, whatever the options say. */
export function fixedByApp(app: FunctionsApp, teamDefaults: Answers): Answers {
  if (!app.exists) return {};
  if (app.model === 'v2') {
    throw new UsageError(
      'This folder holds a v2-model Functions app (function_app.py); this version adds functions to v1-model apps only. Run in a new folder, or in a v1 app.',
    );
  }
  return { model: app.model, python: teamDefaults.python };
}

/** Settings every app has in local.settings.json; storage points at Azurite. */
const BASE_APP_SETTINGS = {
  FUNCTIONS_WORKER_RUNTIME: 'python',
  AzureWebJobsStorage: 'UseDevelopmentStorage=true',
};

export function testFileOf(functionName: string): string {
  return `tests/test_${functionName.toLowerCase()}.py`;
}

export function planFunction(answers: Answers, project: ProjectSnapshot, appName: string): Plan {
  const app = inspectFunctionsApp(project);
  const name = answers.name as string;
  const trigger = triggerById(answers.trigger as string);

  const clash = findNameClash(name, app.functionNames);
  if (clash) {
    throw new UsageError(describeProblem('Function name', name, { rule: `is taken: the app already has a function "${clash}" (names are case-insensitive)`, example: `${name}2` }));
  }
  const entry = findNameClash(name, project.list());
  if (entry) {
    throw new UsageError(describeProblem('Function name', name, { rule: `is taken by the existing file or folder "${entry}"`, example: `${name}2` }));
  }

  const data = {
    ...answers,
    appName,
    pythonPreview: isPreviewPython(answers.python as string, FUNCTIONS_PYTHON_VERSIONS),
    ...trigger.sample(answers),
  };
  // Project files are the user's once they exist; the two that functions add to are merged.
  const projectMode = app.exists ? 'create-if-missing' : 'create';
  const files: PlannedFile[] = [];
  for (const file of renderDir('function/app', data)) {
    const existing = project.read(file.path);
    if (file.path === 'local.settings.json') {
      files.push({ path: file.path, contents: mergeAppSettings(existing ?? file.contents, BASE_APP_SETTINGS), mode: existing === undefined ? 'create' : 'update' });
    } else if (file.path === 'requirements.txt') {
      const requirements = ['azure-functions', ...trigger.requirements];
      files.push({ path: file.path, contents: mergeRequirements(existing ?? file.contents, requirements), mode: existing === undefined ? 'create' : 'update' });
    } else {
      files.push({ ...file, mode: projectMode });
    }
  }

  for (const module of trigger.sharedCode) {
    files.push({ path: `shared_code/${module}`, contents: renderFile(`function/shared_code/${module}`, data), mode: 'create-if-missing' });
  }
  files.push(
    { path: `${name}/function.json`, contents: `${JSON.stringify({ scriptFile: '__init__.py', bindings: trigger.bindings(answers) }, null, 2)}\n`, mode: 'create' },
    { path: `${name}/__init__.py`, contents: renderFile(`function/triggers/${trigger.id}/__init__.py.ejs`, data), mode: 'create' },
    { path: testFileOf(name), contents: renderFile(`function/triggers/${trigger.id}/test.py.ejs`, data), mode: 'create' },
  );

  return {
    files,
    createsProject: !app.exists,
    summary: app.exists
      ? `Added the ${trigger.id} function ${name} and its test ${testFileOf(name)}.`
      : `Created the Functions app ${appName} with the ${trigger.id} function ${name}.`,
    nextSteps: [
      ...(app.exists ? [] : [`python${answers.python} -m venv .venv && . .venv/bin/activate`]),
      'python -m pip install -r requirements-dev.txt',
      'python -m pytest',
      'func start',
    ],
  };
}
