import { strict as assert } from 'node:assert';
import { mergeAppSettings, mergeRequirements, requirementName } from '../../src/lib/project.js';
import { isUsageError } from '../../src/lib/errors.js';

describe('merges into existing files', function () {
  describe('local.settings.json', function () {
    const existing = '{\n    "IsEncrypted": false,\n    "Values": {\n        "AzureWebJobsStorage": "mine"\n    },\n    "Host": { "LocalHttpPort": 7072 }\n}';

    it('adds only new names, keeps existing values, order and indentation', function () {
      const merged = mergeAppSettings(existing, { AzureWebJobsStorage: 'UseDevelopmentStorage=true', ServiceBusConnection: 'x' });
      assert.deepEqual(JSON.parse(merged), { IsEncrypted: false, Values: { AzureWebJobsStorage: 'mine', ServiceBusConnection: 'x' }, Host: { LocalHttpPort: 7072 } });
      assert.match(merged, /^ {4}"IsEncrypted"/m);
    });

    it('returns the file untouched when nothing is new', function () {
      assert.equal(mergeAppSettings(existing, { AzureWebJobsStorage: 'other' }), existing);
    });

    it('keeps CRLF line endings', function () {
      const merged = mergeAppSettings('{\r\n  "Values": {}\r\n}\r\n', { A: 'b' });
      assert.ok(merged.includes('\r\n') && !/[^\r]\n/.test(merged));
    });

    it('refuses a file that is not JSON, or whose Values is not an object', function () {
      assert.throws(() => mergeAppSettings('{ nope', {}), (error) => isUsageError(error) && /local\.settings\.json is not valid JSON/.test(error.message));
      assert.throws(() => mergeAppSettings('{"Values": []}', {}), (error) => isUsageError(error) && /"Values" must be a JSON object/.test(error.message));
    });
  });

  describe('requirements.txt', function () {
    it('normalises project names as PEP 503 does', function () {
      assert.equal(requirementName('Azure_Functions==1.2 ; python_version < "3.13"'), 'azure-functions');
      assert.equal(requirementName('# comment'), undefined);
      assert.equal(requirementName('-r other.txt'), undefined);
    });

    it('appends missing requirements and never touches the user lines', function () {
      const existing = '# mine\nazure.functions>=1.20\nrequests==2.32.3';
      assert.equal(mergeRequirements(existing, ['azure-functions', 'azure-functions-durable']), `${existing}\nazure-functions-durable\n`);
      assert.equal(mergeRequirements(existing, ['azure-functions']), existing);
      assert.equal(mergeRequirements('', ['azure-functions']), 'azure-functions\n');
      assert.equal(mergeRequirements('a\r\n', ['b']), 'a\r\nb\r\n');
    });
  });
});
