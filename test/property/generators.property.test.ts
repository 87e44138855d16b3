/**
 * Property-based generation: random valid answer sets, planned through the core in-process (a new
 * project, then sometimes a second run adding to it). Every resulting file must pass the checks of
 * its format (JSON and schemas, XML, PowerShell, YAML, Python compiled and TOML parsed by Python in
 * one batch), no template marker may survive, and values from the answers must read back exactly.
 *
 * Each generator has one entry in GENERATORS. Choices, lists and booleans come from the option
 * declarations; an entry gives arbitraries for its string options, how it plans, and which values
 * must read back from which files.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { CommandSpec } from '../../src/lib/command.js';
import { FUNCTION_COMMAND, WORKER_SETTING_NAMES } from '../../src/lib/functions/command.js';
import { fixedByApp, inspectFunctionsApp, planFunction, testFileOf } from '../../src/lib/functions/plan.js';
import {
  CLASSIC_VM_SIZES,
  checkAppSettingName,
  checkBlobPath,
  checkConsumerGroup,
  checkCosmosName,
  checkEventHubName,
  checkFunctionName,
  checkNcrontab,
  checkPythonIdentifier,
  checkRoleName,
  checkRoute,
  checkServiceBusName,
  checkServiceName,
  checkSiteExtension,
  checkStartupFile,
  checkStorageQueueName,
  checkV2FunctionName,
  checkVmSize,
  checkWebAppName,
} from '../../src/lib/naming.js';
import { type Answers, type ResolveContext, teamDefaultsToSave } from '../../src/lib/options.js';
import { type Plan, writesFor } from '../../src/lib/plan.js';
import type { ProjectSnapshot } from '../../src/lib/project.js';
import { CLOUDSERVICE_COMMAND, ROLE_COMMAND } from '../../src/lib/cloudservice/command.js';
import { fixedByService, planCloudService, planRole } from '../../src/lib/cloudservice/plan.js';
import { WEBAPP_COMMAND } from '../../src/lib/webapp/command.js';
import { planWebApp } from '../../src/lib/webapp/plan.js';
import { givenArbitrary, resolveGiven, type StringArbitraries } from '../support/answers.js';
import { checkFilesInMemory, type Echo, emptyCounts, PythonBatch } from '../support/generated-files.js';
import { memoryProject } from '../support/memory-project.js';

/** One generator's run: its answers, how it plans, and what reads back. */
interface RunProperties {
  command: CommandSpec;
  /** Arbitraries for the command's string options (others come from their declarations). */
  strings: StringArbitraries;
  context(project: ProjectSnapshot, teamDefaults: Answers): ResolveContext;
  plan(answers: Answers, project: ProjectSnapshot, folderName: string): Plan;
  /** Values from the answers that must read back from the files of the run. */
  echoes(answers: Answers, folderName: string): Echo[];
}

interface GeneratorProperties extends RunProperties {
  /** The destination folder's name, which the generated files may carry. */
  folderName: fc.Arbitrary<string>;
  /** The run that adds to the project (`pyazure role` for a cloud service); the generator itself by default. */
  adds?: RunProperties;
  /** Whether a second run with `second` may add to the project `first` created (not a duplicate). */
  canAdd?(first: Answers, second: Answers): boolean;
  /** Whether the answers keep a rule across options, which no single option's check can see. */
  consistent?(answers: Answers): boolean;
  runs: number;
}

/** Text that means a template went wrong; a value containing it could not be told apart. */
const MARKERS = ['<%', '%>', 'undefined', '[object Object]', 'NaN'];
const markerFree = (value: string) => MARKERS.every((marker) => !value.includes(marker));

const printableAscii = (excluded: string) =>
  fc
    .integer({ min: 0x21, max: 0x7e })
    .map((code) => String.fromCharCode(code))
    .filter((char) => !excluded.includes(char));

// ---------------------------------------------------------------------------------------------
// pyazure function
// Names valid in both models, so that a second run may add to an app of either.
const functionName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,127}$/).filter((name) => checkFunctionName(name) === undefined && checkV2FunctionName(name) === undefined);

/** `%AppSetting%`, which every binding setting accepts in place of a literal name. */
const appSettingReference = fc.stringMatching(/^%[A-Za-z_][A-Za-z0-9_.:-]{0,20}%$/);
/** Queue names valid for storage and Service Bus alike (the trigger's own rule applies in the plan). */
const queueName = fc.oneof(fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,4}$/), appSettingReference).filter((name) => checkStorageQueueName(name) === undefined && checkServiceBusName(name) === undefined);
const blobPath = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/).filter((name) => name.length >= 3), fc.array(fc.oneof(fc.string({ unit: printableAscii('"\\{}/'), minLength: 1, maxLength: 8 }), fc.constantFrom('{name}', '{rand-guid}', '{DateTime}')), { minLength: 1, maxLength: 4 }))
  .map(([container, parts]) => `${container}/${parts.join('/')}`)
  .filter((path) => checkBlobPath(path) === undefined && markerFree(path));
const serviceBusName = fc.oneof(fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,20}[A-Za-z0-9])?$/), appSettingReference).filter((name) => checkServiceBusName(name) === undefined);
const eventHubName = fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,30}[A-Za-z0-9])?$/).filter((name) => checkEventHubName(name) === undefined);
const consumerGroup = fc.oneof(fc.constant('$Default'), fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,20}[A-Za-z0-9])?$/)).filter((name) => checkConsumerGroup(name) === undefined);
/** Cosmos DB ids allow most characters: XML, JSON and shell metacharacters included. */
const cosmosName = fc.string({ unit: printableAscii('/\\#?"\'%{}'), minLength: 1, maxLength: 20 }).filter((name) => checkCosmosName(name) === undefined && markerFree(name));
const connection = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,30}(?:__[A-Za-z0-9_]{1,10})?$/).filter((name) => checkAppSettingName(name) === undefined);
const pythonIdentifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,30}$/).filter((name) => checkPythonIdentifier(name) === undefined);

/** The binding settings of a trigger (or HTTP output) that read back from function.json as given. */
const BINDING_SETTINGS = ['path', 'queueName', 'topicName', 'subscriptionName', 'eventHubName', 'consumerGroup', 'cardinality', 'databaseName', 'containerName', 'leaseContainerName', 'connection'];

/** Route templates with literal segments and {name}, {name?} and {name:constraint} parameters, metacharacters included. */
const route = fc
  .array(
    fc.oneof(
      fc.string({ unit: printableAscii('/?#\\"<>|%{}'), minLength: 1, maxLength: 8 }),
      fc
        .tuple(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), fc.option(fc.string({ unit: printableAscii('{}/'), minLength: 1, maxLength: 10 })), fc.boolean())
        .map(([name, constraint, optional]) => `{${name}${constraint === null ? '' : `:${constraint}`}${optional ? '?' : ''}}`),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((segments) => segments.join('/'))
  .filter((value) => checkRoute(value) === undefined && markerFree(value));

/** One NCRONTAB field: *, a value, a range, a list, each with an optional step; names for months and days. */
function cronField(min: number, max: number, names: readonly string[] = []): fc.Arbitrary<string> {
  const value = fc.oneof(
    fc.integer({ min, max }).map(String),
    ...(names.length > 0 ? [fc.constantFrom(...names, ...names.map((name) => name.toLowerCase()))] : []),
  );
  const number = (token: string) => (/^\d+$/.test(token) ? Number(token) : min + names.indexOf(token.toUpperCase()));
  const range = fc.tuple(value, value).map(([a, b]) => (number(a) <= number(b) ? `${a}-${b}` : `${b}-${a}`));
  const step = fc.option(fc.integer({ min: 1, max: 59 }).map((n) => `/${n}`), { nil: '' });
  const part = fc.tuple(fc.oneof(fc.constant('*'), value, range), step).map(([base, suffix]) => base + suffix);
  return fc.array(part, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(','));
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const schedule = fc
  .oneof(
    fc.tuple(cronField(0, 59), cronField(0, 59), cronField(0, 23), cronField(1, 31), cronField(1, 12, MONTHS), cronField(0, 6, DAYS)).map((fields) => fields.join(' ')),
    fc.stringMatching(/^%[A-Za-z_][A-Za-z0-9_.:-]{0,30}%$/),
  )
  .filter((value) => checkNcrontab(value) === undefined && markerFree(value));

/** Any folder name a file system allows (no "/" or NUL), on one line. */
const folderName = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  .filter((name) => !/[/\0\r\n\u2028\u2029]/.test(name) && name !== '.' && name !== '..' && markerFree(name));

const FUNCTION_PROPERTIES: GeneratorProperties = {
  command: FUNCTION_COMMAND,
  strings: {
    name: functionName,
    route,
    schedule,
    path: blobPath,
    queueName,
    topicName: serviceBusName,
    subscriptionName: serviceBusName,
    eventHubName,
    consumerGroup,
    databaseName: cosmosName,
    containerName: cosmosName,
    leaseContainerName: cosmosName,
    connection,
    scriptFile: pythonIdentifier.map((name) => `${name}.py`),
    entryPoint: pythonIdentifier,
    workerProcessCount: fc.integer({ min: 1, max: 10 }).map(String),
    threadpoolThreadCount: fc.integer({ min: 1, max: 32 }).map(String),
  },
  folderName,
  context: (project, teamDefaults) => {
    const app = inspectFunctionsApp(project);
    return { existingProject: app.exists, fixed: fixedByApp(app, teamDefaults) };
  },
  plan: planFunction,
  echoes: (answers, folder) => {
    const name = answers.name as string;
    const v1 = answers.model === 'v1';
    const functionJson = `${name}/function.json`;
    const echoes: Echo[] = [{ path: 'README.md', format: 'line', expected: `# ${folder}` }];
    for (const [option, setting] of Object.entries(WORKER_SETTING_NAMES)) {
      // Switches are written as the platform reads them: 1 or 0.
      const value = answers[option];
      if (value !== undefined) echoes.push({ path: 'local.settings.json', format: 'json', pointer: `/Values/${setting}`, expected: typeof value === 'boolean' ? (value ? '1' : '0') : value });
    }
    if (answers.trigger !== 'durable') {
      const module = v1 ? `${name}/${(answers.scriptFile as string | undefined) ?? '__init__.py'}` : `functions/${name.toLowerCase()}.py`;
      echoes.push({ path: module, format: 'python', variable: 'FUNCTION_NAME', expected: name });
    }
    // A durable app's three functions are named after it; function.json per function is v1's.
    if (!v1 || answers.trigger === 'durable') return echoes;
    if (answers.entryPoint !== undefined) echoes.push({ path: functionJson, format: 'json', pointer: '/entryPoint', expected: answers.entryPoint });
    // The HTTP output binding follows the trigger; every other trigger's settings are on its first binding.
    const bindingIndex = answers.trigger === 'http' ? 1 : 0;
    for (const setting of BINDING_SETTINGS) {
      if (answers[setting] !== undefined) echoes.push({ path: functionJson, format: 'json', pointer: `/bindings/${bindingIndex}/${setting}`, expected: answers[setting] });
    }
    if (answers.trigger === 'http') {
      echoes.push(
        { path: functionJson, format: 'json', pointer: '/bindings/0/authLevel', expected: answers.authLevel },
        { path: functionJson, format: 'json', pointer: '/bindings/0/methods', expected: answers.methods },
        { path: functionJson, format: 'json', pointer: '/bindings/0/route', expected: answers.route },
        { path: testFileOf(answers.name as string), format: 'python', variable: 'URL', expected: `/api/${(answers.route as string | undefined) ?? (answers.name as string)}` },
      );
    }
    if (answers.trigger === 'timer') {
      echoes.push(
        { path: functionJson, format: 'json', pointer: '/bindings/0/schedule', expected: answers.schedule },
        { path: functionJson, format: 'json', pointer: '/bindings/0/runOnStartup', expected: answers.runOnStartup ? true : undefined },
      );
    }
    return echoes;
  },
  canAdd: (first, second) => (first.name as string).toLowerCase() !== (second.name as string).toLowerCase(),
  runs: 1000,
};

// ---------------------------------------------------------------------------------------------
// pyazure webapp
const webAppName = fc.stringMatching(/^[a-z_][a-z0-9_]{0,62}$/).filter((name) => checkWebAppName(name) === undefined);
const wholeNumber = (min: number, max: number) => fc.integer({ min, max }).map(String);
const startupFile = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,60}\.sh$/).filter((name) => checkStartupFile(name) === undefined);
const siteExtension = fc.stringMatching(/^python3\d{2,4}x(?:64|86)$/).filter((id) => checkSiteExtension(id) === undefined);

const WEBAPP_PROPERTIES: GeneratorProperties = {
  command: WEBAPP_COMMAND,
  strings: { name: webAppName, workers: wholeNumber(1, 64), threads: wholeNumber(1, 64), timeout: wholeNumber(1, 230), startupFile, siteExtension },
  folderName,
  context: () => ({ existingProject: false, fixed: {} }),
  plan: planWebApp,
  echoes: (answers, folder) => {
    const name = answers.name as string;
    const django = answers.framework === 'django';
    const echoes: Echo[] = [{ path: 'README.md', format: 'line', expected: `# ${folder}` }];
    if (django) echoes.push({ path: `${name}/settings/base.py`, format: 'python', variable: 'ROOT_URLCONF', expected: `${name}.urls` });
    if (answers.os === 'linux') {
      const startup = answers.startupFile as string;
      echoes.push(
        { path: 'azure.yaml', format: 'line', expected: `name: ${name}` },
        { path: startup, format: 'line', expected: `  --workers "\${WEB_CONCURRENCY:-${answers.workers as string}}" \\` },
        { path: startup, format: 'line', expected: `  --threads "\${PYTHON_GUNICORN_THREADS:-${answers.threads as string}}" \\` },
        { path: startup, format: 'line', expected: `  --timeout ${answers.timeout as string} \\` },
        { path: 'infra/web.bicep', format: 'line', expected: `      appCommandLine: '${startup}'` },
        { path: 'infra/web.bicep', format: 'line', expected: `      linuxFxVersion: 'PYTHON|${answers.python as string}'` },
      );
      if (answers.ci === 'github') echoes.push({ path: '.github/workflows/deploy.yml', format: 'line', expected: `          python-version: "${answers.python as string}"` });
    } else {
      const extension = answers.siteExtension as string;
      const python = `D:\\home\\${extension}\\python.exe`;
      const fastCgi = answers.handler === 'fastcgi';
      echoes.push(
        fastCgi
          ? { path: 'web.config', format: 'xml', element: 'add', attribute: 'scriptProcessor', expected: `${python}|D:\\home\\${extension}\\wfastcgi.py` }
          : { path: 'web.config', format: 'xml', element: 'httpPlatform', attribute: 'processPath', expected: python },
        { path: 'azuredeploy.json', format: 'json', pointer: '/resources/1/resources/0/name', expected: extension },
        { path: 'azuredeploy.json', format: 'json', pointer: '/resources/1/properties/siteConfig/use32BitWorkerProcess', expected: extension.endsWith('x86') },
      );
      if (django) {
        echoes.push({ path: 'web.config', format: 'xml', element: fastCgi ? 'add' : 'environmentVariable', attribute: 'value', expected: `${name}.settings.production` });
      }
    }
    return echoes;
  },
  runs: 300,
};

// ---------------------------------------------------------------------------------------------
// pyazure cloudservice, then pyazure role
const serviceName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}[A-Za-z0-9]$/).filter((name) => checkServiceName(name) === undefined);
const roleName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,20}$/).filter((name) => checkRoleName(name) === undefined);
const vmSize = fc.oneof(fc.constantFrom(...CLASSIC_VM_SIZES), fc.stringMatching(/^Standard_[A-Za-z0-9]{1,6}(_[A-Za-z0-9]{1,4}){0,2}$/)).filter((size) => checkVmSize(size) === undefined);
const pythonRelease = fc.tuple(fc.integer({ min: 9, max: 14 }), fc.integer({ min: 0, max: 99 })).map(([minor, patch]) => `3.${minor}.${patch}`);
const instances = fc.integer({ min: 1, max: 100 }).map(String);
const CONFIGURATION_FILES = ['ServiceConfiguration.Cloud.cscfg', 'ServiceConfiguration.Local.cscfg'];
const isClassicSize = (size: unknown) => (CLASSIC_VM_SIZES as readonly unknown[]).includes(size);

/** A role as the service files declare it: csdef element, cscfg instances, and the release its scripts install. */
function roleEchoes(name: string, type: 'web' | 'worker', instanceCount: string, python: string): Echo[] {
  return [
    { path: 'ServiceDefinition.csdef', format: 'xml', element: type === 'web' ? 'WebRole' : 'WorkerRole', attribute: 'name', expected: name },
    ...CONFIGURATION_FILES.flatMap((path): Echo[] => [
      { path, format: 'xml', element: 'Role', attribute: 'name', expected: name },
      { path, format: 'xml', element: 'Instances', attribute: 'count', expected: instanceCount },
    ]),
    { path: `${name}/bin/Common.ps1`, format: 'line', expected: `$PythonRelease = '${python}'` },
  ];
}

const CLOUDSERVICE_PROPERTIES: GeneratorProperties = {
  command: CLOUDSERVICE_COMMAND,
  strings: { name: serviceName, webRole: roleName, workerRole: roleName, instances, vmSize, python: pythonRelease },
  folderName,
  context: () => ({ existingProject: false, fixed: {} }),
  plan: planCloudService,
  echoes: (answers) => {
    const echoes: Echo[] = [
      { path: 'ServiceDefinition.csdef', format: 'xml', element: 'ServiceDefinition', attribute: 'name', expected: answers.name as string },
      ...CONFIGURATION_FILES.flatMap((path): Echo[] => [
        { path, format: 'xml', element: 'ServiceConfiguration', attribute: 'serviceName', expected: answers.name as string },
        { path, format: 'xml', element: 'ServiceConfiguration', attribute: 'osFamily', expected: answers.osFamily as string },
      ]),
    ];
    for (const type of ['web', 'worker'] as const) {
      const name = answers[type === 'web' ? 'webRole' : 'workerRole'];
      if (name !== false) echoes.push(...roleEchoes(name as string, type, answers.instances as string, answers.python as string));
    }
    return echoes;
  },
  adds: {
    command: ROLE_COMMAND,
    strings: { name: roleName, instances, vmSize, python: pythonRelease },
    context: (project, teamDefaults) => {
      const fixed = fixedByService(project, teamDefaults);
      return { existingProject: Object.keys(fixed).length > 0, fixed };
    },
    plan: planRole,
    echoes: (answers) => roleEchoes(answers.name as string, answers.type as 'web' | 'worker', answers.instances as string, answers.python as string),
  },
  // Extended support deploys ARM sizes only.
  consistent: (answers) => !(answers.extendedSupport === true && isClassicSize(answers.vmSize)),
  // A role of a new name, of a size the service's deployment takes.
  canAdd: (first, second) => {
    const taken = [first.webRole, first.workerRole].filter((name): name is string => typeof name === 'string').map((name) => name.toLowerCase());
    return !taken.includes((second.name as string).toLowerCase()) && !(first.extendedSupport === true && isClassicSize(second.vmSize));
  },
  runs: 300,
};

const GENERATORS: readonly GeneratorProperties[] = [FUNCTION_PROPERTIES, WEBAPP_PROPERTIES, CLOUDSERVICE_PROPERTIES];

/** The folder after a run: what was there, with the run's writes applied. */
function applyRun(tree: Map<string, string>, plan: Plan): Map<string, string> {
  const after = new Map(tree);
  for (const write of writesFor(plan, memoryProject(Object.fromEntries(tree)), false)) after.set(write.path, write.contents);
  return after;
}

describe('random valid answers generate valid files (fast-check, planned in-process)', function () {
  let total = 0;
  after(() => console.log(`      property cases in total: ${total}`));

  for (const generator of GENERATORS) {
    it(`pyazure ${generator.command.name}: ${generator.runs} random answer sets`, async function () {
      const counts = emptyCounts();
      const batch = new PythonBatch();
      let cases = 0;
      let additions = 0;
      try {
        const given = givenArbitrary(generator.command, generator.strings);
        const adder = generator.adds ?? generator;
        // A second run only where the generator adds to projects; otherwise every case is a new project.
        const secondRun = generator.canAdd ? fc.option(givenArbitrary(adder.command, adder.strings), { nil: undefined }) : fc.constant(undefined);
        await fc.assert(
          fc.asyncProperty(given, secondRun, generator.folderName, async (firstGiven, secondGiven, folder) => {
            const first = await resolveGiven(generator.command, firstGiven, generator.context(memoryProject({}), {}));
            fc.pre(generator.consistent?.(first) ?? true);
            const firstPlan = generator.plan(first, memoryProject({}), folder);
            let tree = applyRun(new Map(), firstPlan);
            const echoes = generator.echoes(first, folder);
            checkFilesInMemory(tree, echoes, counts);
            let pythonEchoes = echoes;
            if (secondGiven !== undefined) {
              const stored = teamDefaultsToSave(generator.command.options, first, {});
              const existing = memoryProject(Object.fromEntries(tree));
              const second = await resolveGiven(adder.command, secondGiven, adder.context(existing, stored), stored);
              fc.pre(generator.canAdd?.(first, second) ?? false);
              tree = applyRun(tree, adder.plan(second, existing, folder));
              const secondEchoes = adder.echoes(second, folder);
              checkFilesInMemory(tree, secondEchoes, counts);
              pythonEchoes = [...echoes, ...secondEchoes];
              additions++;
            }
            batch.add(`case-${cases++}`, tree, pythonEchoes);
          }),
          { numRuns: generator.runs },
        );
        batch.check();
        Object.assign(counts, batch.counts, { echoes: counts.echoes + batch.counts.echoes });
        total += cases;
        console.log(
          `      ${generator.command.name}: ${cases} cases (${additions} adding to a project), ${counts.files} files checked: ${counts.json} JSON, ${counts.python} Python compiled, ${counts.toml} TOML, ${counts.xml} XML, ${counts.powershell} PowerShell, ${counts.yaml} YAML; ${counts.echoes} values read back`,
        );
        assert.ok(cases >= generator.runs, `only ${cases} cases ran`);
      } finally {
        batch.dispose();
      }
    });
  }

  it('runs at least 1,000 cases in total', function () {
    assert.ok(GENERATORS.reduce((sum, generator) => sum + generator.runs, 0) >= 1000);
  });
});
