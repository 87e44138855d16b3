import { strict as assert } from 'node:assert';
import { checkBindingName, checkFunctionName, checkNcrontab, checkRoute, describeProblem, findNameClash } from '../../src/lib/naming.js';
import {
  type Check,
  checkAppSettingName,
  checkBlobPath,
  checkConsumerGroup,
  checkCosmosName,
  checkEventHubName,
  checkQueueName,
  checkScriptFile,
  checkServiceBusName,
  checkStorageQueueName,
  checkV2FunctionName,
  checkIntegerRange,
} from '../../src/lib/naming.js';

describe('naming rules', function () {
  describe('function names (v1)', function () {
    for (const name of ['HttpExample', 'a', 'Orders_2', 'x'.repeat(128), 'Hosting', 'JsonExport', 'Timer1']) {
      it(`accepts ${JSON.stringify(name.length > 20 ? `${name.slice(0, 10)}…(${name.length})` : name)}`, function () {
        assert.equal(checkFunctionName(name), undefined);
      });
    }
    const refused: Array<[string, RegExp]> = [
      ['', /must start with an ASCII letter/],
      ['1bad', /must start with an ASCII letter/],
      ['_private', /must start with an ASCII letter/],
      ['has-hyphen', /letters, digits and underscores/],
      ['has space', /letters, digits and underscores/],
      ['a/b', /letters, digits and underscores/],
      ['..', /must start with an ASCII letter/],
      ['Café', /letters, digits and underscores/],
      ['x'.repeat(129), /at most 128 characters/],
      ['host', /reserved by the Functions host/],
      ['HOST', /reserved by the Functions host/],
      ['class', /shadow|keyword/],
      ['None', /Python keyword/],
      ['json', /shadow the Python module "json"/],
      ['Logging', /shadow the Python module "logging"/],
      ['shared_code', /shadow the Python module "shared_code"/],
      ['tests', /shadow the Python module "tests"/],
      ['azure', /shadow the Python module "azure"/],
      ['function_app', /shadow the Python module "function_app"/],
    ];
    for (const [name, message] of refused) {
      it(`refuses ${JSON.stringify(name.length > 20 ? `${name.slice(0, 10)}…(${name.length})` : name)}`, function () {
        const problem = checkFunctionName(name);
        assert.ok(problem, 'expected a problem');
        assert.match(problem.rule, message);
        assert.equal(checkFunctionName(problem.example), undefined, `the example ${problem.example} must itself be valid`);
      });
    }
  });

  it('finds clashes case-insensitively', function () {
    assert.equal(findNameClash('httpexample', ['Other', 'HttpExample']), 'HttpExample');
    assert.equal(findNameClash('HttpExample2', ['HttpExample']), undefined);
  });

  it('checks binding names: letters and digits, or $return', function () {
    for (const name of ['req', 'msg', 'myTimer2', '$return']) assert.equal(checkBindingName(name), undefined, name);
    for (const name of ['my_timer', '2req', '', '$other', 'a'.repeat(129)]) assert.ok(checkBindingName(name), name);
  });

  describe('NCRONTAB schedules', function () {
    const valid = ['0 */5 * * * *', '0 0 * * * *', '0 30 9 * * 1-5', '0 0 0 1 JAN *', '*/30 * * * * SUN', '0 0 2 * * MON,FRI', '0 0 0 31 12 6', '5-10/2 0 0 * * *', '%TimerSchedule%'];
    for (const expression of valid) {
      it(`accepts ${JSON.stringify(expression)}`, function () {
        assert.equal(checkNcrontab(expression), undefined);
      });
    }
    const invalid: Array<[string, RegExp]> = [
      ['* * * * *', /has 5 fields/],
      ['0 */5 * * * * *', /has 7 fields/],
      ['', /has 1 field,/],
      ['60 * * * * *', /invalid second field "60"/],
      ['0 60 * * * *', /invalid minute field/],
      ['0 0 24 * * *', /invalid hour field/],
      ['0 0 0 0 * *', /invalid day field "0"/],
      ['0 0 0 * 13 *', /invalid month field/],
      ['0 0 0 * * 7', /invalid day-of-week field/],
      ['0 */0 * * * *', /invalid minute field/],
      ['0 10-5 * * * *', /invalid minute field/],
      ['0 0 0 * FOO *', /invalid month field/],
      ['0 0 0 * * ?', /invalid day-of-week field/],
      ['00:05:00', /has 1 field/],
      ['%Not Setting%', /has 2 fields/],
    ];
    for (const [expression, message] of invalid) {
      it(`refuses ${JSON.stringify(expression)}`, function () {
        const problem = checkNcrontab(expression);
        assert.ok(problem);
        assert.match(problem.rule, message);
        assert.equal(checkNcrontab(problem.example), undefined);
      });
    }
  });

  describe('routes', function () {
    for (const route of ['orders', 'orders/{id}', 'products/{category:alpha}/{id:int?}', 'a-b_c.d/{x?}', 'files/{*path}'.replace('*', '')]) {
      it(`accepts ${route}`, function () {
        assert.equal(checkRoute(route), undefined);
      });
    }
    for (const route of ['/orders', 'orders?x=1', 'a b', 'a//b', 'orders/{id', 'orders/id}', 'orders/{}', 'café', '']) {
      it(`refuses ${JSON.stringify(route)}`, function () {
        const problem = checkRoute(route);
        assert.ok(problem);
        assert.equal(checkRoute(problem.example), undefined);
      });
    }
  });

  it('describes a problem in one line with the value, the rule and an example', function () {
    const line = describeProblem('--schedule', 'a\nb', { rule: 'must be valid', example: '0 */5 * * * *' });
    assert.equal(line, '--schedule "a\\nb" must be valid; for example "0 */5 * * * *".');
    assert.ok(!line.includes('\n'));
  });
});

describe('trigger setting rules', function () {
  const cases: [string, Check, string[], string[]][] = [
    ['storage queue names', checkStorageQueueName, ['python-queue-items', 'abc', 'a1-b2', '%QueueName%'], ['ab', 'Orders', 'a--b', '-abc', 'abc-', 'a_b', 'x'.repeat(64)]],
    ['blob paths', checkBlobPath, ['samples-workitems/{name}', 'images/{name}.png', 'out/{rand-guid}.json', '%Container%/{name}'], ['noslash', 'Images/{name}', 'ab/{name}', 'images/', 'images/a b', 'images/{na{me}']],
    ['Service Bus names', checkServiceBusName, ['orders', 'o', 'orders.v1', 'a_b-c', '%Topic%'], ['-orders', 'orders.', 'a b', 'x'.repeat(51)]],
    ['Event Hub names', checkEventHubName, ['samples-workitems', 'a', 'hub.1_x'], ['-hub', 'hub-', 'a b']],
    ['consumer groups', checkConsumerGroup, ['$Default', 'functions', 'cg-1'], ['$Other', 'a b', 'x'.repeat(51)]],
    ['Cosmos DB ids', checkCosmosName, ['my-database', 'Orders_2024', 'leases'], ['a/b', 'a#b', 'a?b', 'a b', '']],
    ['app setting names', checkAppSettingName, ['AzureWebJobsStorage', 'ServiceBusConnection', 'My_Conn', 'Conn__fullyQualifiedNamespace'], ['UseDevelopmentStorage=true', 'Endpoint=sb://x;', '1Conn', 'my-conn']],
    ['v2 function names', checkV2FunctionName, ['HttpExample', 'ab', 'a_1', 'Assets', 'Ifs'], ['a', 'a_', '_a', '1a', 'x'.repeat(129), 'As', 'IF', 'Def', 'Class']],
    ['script files', checkScriptFile, ['handler.py', '__init__.py', 'run_1.py'], ['handler', 'class.py', '1x.py', 'a-b.py']],
    ['worker process counts', checkIntegerRange(1, 10, 2), ['1', '10'], ['0', '11', 'two', '1.5']],
  ];
  for (const [what, check, valid, invalid] of cases) {
    it(`${what}: accepts ${valid.join(', ')}`, function () {
      for (const value of valid) assert.equal(check(value), undefined, value);
    });
    it(`${what}: refuses bad values with a valid example`, function () {
      for (const value of invalid) {
        const problem = check(value);
        assert.ok(problem, `${JSON.stringify(value)} was accepted`);
        assert.equal(check(problem.example), undefined, `the example ${problem.example} is refused`);
      }
    });
  }

  it('accepts a queue name valid for either service; the trigger applies its own rule', function () {
    assert.equal(checkQueueName('Orders_1'), undefined);
    assert.equal(checkQueueName('work-items'), undefined);
    assert.ok(checkQueueName('a b'));
  });
});
