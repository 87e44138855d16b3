import { strict as assert } from 'node:assert';
import { isUsageError } from '../../src/lib/errors.js';
import { describeDefault, flagOf, type OptionSpec, parseOption, promptValidator, resolveOptions, type ResolveContext, teamDefaultsToSave } from '../../src/lib/options.js';
import { checkNcrontab } from '../../src/lib/naming.js';

const trigger: OptionSpec = {
  name: 'trigger', kind: 'choice', description: 'What runs it.', prompt: 'Trigger', default: 'http',
  choices: [{ value: 'http', summary: 'HTTP' }, { value: 'timer', summary: 'timer' }],
};
const schedule: OptionSpec = {
  name: 'schedule', kind: 'string', description: 'Schedule.', prompt: 'Schedule', default: '0 */5 * * * *', check: checkNcrontab,
  when: (answers) => answers.trigger === 'timer', appliesTo: 'with --trigger timer',
};
const authLevel: OptionSpec = {
  name: 'authLevel', kind: 'choice', description: 'Auth.', default: 'function', teamDefault: true,
  choices: [{ value: 'function', summary: '' }, { value: 'anonymous', summary: '' }],
};
const python: OptionSpec = {
  name: 'python', kind: 'choice', description: 'Python.', prompt: 'Python', default: '3.12', scope: 'project', teamDefault: true,
  choices: [{ value: '3.11', summary: '' }, { value: '3.12', summary: '' }],
};
const name: OptionSpec = { name: 'name', kind: 'string', positional: true, label: 'Function name', required: true, description: 'The name.', prompt: 'Name', example: 'HttpExample' };
const methods: OptionSpec = { name: 'methods', kind: 'list', description: 'Methods.', items: ['get', 'post', 'put'], default: ['get', 'post'] };
const SPECS = [name, trigger, schedule, authLevel, python];
const NEW: ResolveContext = { existingProject: false, fixed: {} };

function usageErrorMatching(pattern: RegExp) {
  return (error: unknown) => isUsageError(error) && pattern.test(error.message) && !error.message.includes('\n');
}

describe('option declarations', function () {
  it('derives flags in kebab-case', function () {
    assert.equal(flagOf(authLevel), 'auth-level');
    assert.equal(flagOf({ ...schedule, name: 'runOnStartup' }), 'run-on-startup');
  });

  it('parses each kind and refuses bad values with the value, the rule and an example', function () {
    assert.equal(parseOption(trigger, 'TIMER'), 'timer');
    assert.throws(() => parseOption(trigger, 'queue'), usageErrorMatching(/^--trigger "queue" must be one of http, timer; for example "http"\.$/));
    assert.deepEqual(parseOption(methods, 'GET, put'), ['get', 'put']);
    assert.throws(() => parseOption(methods, 'get,get'), usageErrorMatching(/each at most once/));
    assert.throws(() => parseOption(methods, 'fetch'), usageErrorMatching(/--methods "fetch" must be a comma-separated list of get, post, put/));
    assert.throws(() => parseOption(methods, ''), usageErrorMatching(/--methods/));
    assert.equal(parseOption({ ...schedule, kind: 'boolean', default: false } as OptionSpec, 'true'), true);
    assert.throws(() => parseOption({ name: 'flag', kind: 'boolean', description: '' }, 'yes'), usageErrorMatching(/must be true or false/));
    assert.throws(() => parseOption(schedule, '* * *'), usageErrorMatching(/^--schedule "\* \* \*" has 3 fields/));
    assert.throws(() => parseOption(name, { a: 1 }), usageErrorMatching(/^Function name \{"a":1\} must be text/));
  });

  it('documents defaults', function () {
    assert.equal(describeDefault(methods), 'get,post');
    assert.equal(describeDefault(name), '(required)');
    assert.equal(describeDefault({ ...authLevel, defaultLabel: 'the team default' }), 'the team default');
  });

  it('resolves given values, then team defaults, then defaults; skipping options that do not apply', async function () {
    const answers = await resolveOptions(SPECS, { given: { name: 'Api' }, stored: { authLevel: 'anonymous', python: '3.11' }, context: NEW });
    assert.deepEqual(answers, { name: 'Api', trigger: 'http', authLevel: 'anonymous', python: '3.11' });
    const explicit = await resolveOptions(SPECS, { given: { name: 'Tick', trigger: 'timer', authLevel: 'function' }, stored: { authLevel: 'anonymous' }, context: NEW });
    assert.deepEqual(explicit, { name: 'Tick', trigger: 'timer', schedule: '0 */5 * * * *', authLevel: 'function', python: '3.12' });
  });

  it('refuses an option that does not apply to the other answers', async function () {
    await assert.rejects(
      resolveOptions(SPECS, { given: { name: 'Api', schedule: '0 0 * * * *' }, stored: {}, context: NEW }),
      usageErrorMatching(/^--schedule "[^"]*" does not apply here: it is used only with --trigger timer; for example "--trigger timer --schedule [^"]*"\.$/),
    );
  });

  it('fails without a terminal when a required value is missing, naming an example', async function () {
    await assert.rejects(resolveOptions(SPECS, { given: {}, stored: {}, context: NEW }), usageErrorMatching(/^<name> is missing: The name; for example "HttpExample"\.$/));
  });

  it('refuses an invalid team default, naming .yo-rc.json', async function () {
    await assert.rejects(resolveOptions(SPECS, { given: { name: 'A' }, stored: { python: '2.7' }, context: NEW }), usageErrorMatching(/^\.yo-rc\.json value python "2\.7" must be one of/));
  });

  it('asks only what has a prompt and was not given, suggesting the team default', async function () {
    const asked: Array<[string, unknown]> = [];
    const answers = await resolveOptions(SPECS, {
      given: { trigger: 'timer' },
      stored: { python: '3.11' },
      context: NEW,
      ask: async (spec, suggested) => {
        asked.push([spec.name, suggested]);
        return spec.name === 'name' ? 'Ticker' : suggested;
      },
    });
    assert.deepEqual(asked, [['name', undefined], ['schedule', '0 */5 * * * *'], ['python', '3.11']]);
    assert.deepEqual(answers, { name: 'Ticker', trigger: 'timer', schedule: '0 */5 * * * *', authLevel: 'function', python: '3.11' });
  });

  it('keeps project options fixed by an existing project, and refuses a different value', async function () {
    const existing: ResolveContext = { existingProject: true, fixed: { python: '3.11' } };
    const answers = await resolveOptions(SPECS, { given: { name: 'A' }, stored: {}, context: existing, ask: async (_spec, suggested) => suggested ?? 'A' });
    assert.equal(answers.python, '3.11');
    await assert.rejects(
      resolveOptions(SPECS, { given: { name: 'A', python: '3.12' }, stored: {}, context: existing }),
      usageErrorMatching(/^--python "3\.12" conflicts with this project, which uses "3\.11"/),
    );
  });

  it('saves the project choices as made, and keeps a team default already stored', function () {
    const answers = { name: 'A', trigger: 'http', authLevel: 'anonymous', python: '3.11' };
    assert.deepEqual(teamDefaultsToSave(SPECS, answers, {}), { authLevel: 'anonymous', python: '3.11' });
    assert.deepEqual(teamDefaultsToSave(SPECS, answers, { authLevel: 'function', python: '3.12' }), { authLevel: 'function', python: '3.11' });
  });

  it('validates prompt answers with the same rules', function () {
    assert.equal(promptValidator(schedule)('0 0 * * * *'), true);
    assert.match(String(promptValidator(schedule)('nope')), /has 1 field/);
  });
});
