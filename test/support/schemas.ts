import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import { REPO_ROOT } from './paths.js';

const SCHEMAS = {
  'function.json': { file: 'function.schema.json', draft04: true },
  'host.json': { file: 'host.schema.json', draft04: false },
  'local.settings.json': { file: 'local.settings.schema.json', draft04: true },
  'github-workflow': { file: 'github-workflow.schema.json', draft04: false },
} as const;

export type SchemaName = keyof typeof SCHEMAS;

// ajv-draft-04 is CommonJS with only a default export.
const AjvDraft04 = (AjvDraft04Module as unknown as { default: typeof Ajv }).default;

const compiled = new Map<SchemaName, ValidateFunction>();

function validatorFor(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (validate === undefined) {
    const { file, draft04 } = SCHEMAS[name];
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'schemas', file), 'utf8'));
    const ajv = draft04 ? new AjvDraft04({ strict: false, allErrors: true }) : new Ajv({ strict: false, allErrors: true });
    validate = ajv.compile(schema);
    compiled.set(name, validate);
  }
  return validate;
}

/** Throws with every schema error when `document` does not validate. */
export function assertValid(name: SchemaName, document: unknown, where: string = name): void {
  const validate = validatorFor(name);
  if (!validate(document)) {
    throw new Error(`${where} does not match the ${name} schema:\n${JSON.stringify(validate.errors, null, 2)}`);
  }
}
