/**
 * Random valid answer sets for a command, derived from its option declarations: choices, lists and
 * booleans need no data; string options take an arbitrary from the caller (or keep their default).
 * The answers are then resolved by the core's own resolver, so `when`, defaults and checks apply
 * exactly as in a real run.
 */
import fc from 'fast-check';
import type { CommandSpec } from '../../src/lib/command.js';
import { type Answers, type OptionSpec, type ResolveContext, resolveOptions } from '../../src/lib/options.js';

/** Values given for string options, by option name. */
export type StringArbitraries = Record<string, fc.Arbitrary<string>>;

/** A raw value for one option, or undefined to leave it to the default. */
function valueArbitrary(spec: OptionSpec, strings: StringArbitraries): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case 'choice': {
      const chosen = fc.constantFrom(...spec.choices.map((choice) => choice.value));
      return spec.required ? chosen : fc.option(chosen, { nil: undefined });
    }
    case 'list':
      return fc.option(fc.shuffledSubarray([...spec.items], { minLength: 1 }), { nil: undefined });
    case 'boolean':
      return fc.option(fc.boolean(), { nil: undefined });
    case 'string': {
      const given = strings[spec.name];
      if (given === undefined) {
        if (spec.required) throw new Error(`option ${spec.name} is required: give it a string arbitrary`);
        return fc.constant(undefined);
      }
      return spec.required ? given : fc.option(given, { nil: undefined });
    }
  }
}

/**
 * Raw values for every option of the command (run options excluded), as a command line would give
 * them. Use {@link resolveGiven} to drop those that do not apply and resolve the rest.
 */
export function givenArbitrary(command: CommandSpec, strings: StringArbitraries = {}): fc.Arbitrary<Answers> {
  for (const name of Object.keys(strings)) {
    if (!command.options.some((spec) => spec.name === name && spec.kind === 'string')) throw new Error(`${command.name} has no string option ${name}`);
  }
  return fc.record(Object.fromEntries(command.options.map((spec) => [spec.name, valueArbitrary(spec, strings)])));
}

/**
 * The answers a run given `raw` would resolve to: options that do not apply to the earlier answers
 * are left out (a user would not give them), the rest go through the core's resolver.
 */
export async function resolveGiven(command: CommandSpec, raw: Answers, context: ResolveContext, stored: Answers = {}): Promise<Answers> {
  const given: Answers = {};
  for (const [index, spec] of command.options.entries()) {
    if (raw[spec.name] === undefined) continue;
    if (spec.scope === 'project' && context.existingProject) continue;
    const earlier = await resolveOptions(command.options.slice(0, index), { given, stored, context });
    if (spec.when && !spec.when(earlier)) continue;
    given[spec.name] = raw[spec.name];
  }
  return resolveOptions(command.options, { given, stored, context });
}
