/** Help text and README tables, both made from the option declarations. */
import { type CommandSpec, optionsOf, usageOf } from './command.js';
import { describeDefault, flagOf, type OptionSpec } from './options.js';

function valuesOf(spec: OptionSpec): string {
  switch (spec.kind) {
    case 'choice':
      return spec.choices.map((choice) => `${choice.value} (${choice.summary})`).join(', ');
    case 'list':
      return `comma-separated: ${spec.items.join(', ')}`;
    case 'boolean':
      return `--${flagOf(spec)} / --no-${flagOf(spec)}`;
    case 'string':
      return `${spec.example === undefined ? 'text' : `e.g. ${spec.example}`}${spec.negatable ? `; --no-${flagOf(spec)} for none` : ''}`;
  }
}

function nameOf(spec: OptionSpec): string {
  if (spec.positional) return `<${spec.name}>`;
  return spec.kind === 'boolean' ? `--${flagOf(spec)}` : `--${flagOf(spec)} <value>`;
}

export function helpText(command: CommandSpec): string {
  const options = optionsOf(command);
  const lines = [`Usage: ${usageOf(command)}`, '', command.summary, ''];
  const width = Math.max(...options.map((spec) => nameOf(spec).length)) + 2;
  const section = (title: string, specs: readonly OptionSpec[]) => {
    if (specs.length === 0) return;
    lines.push(`${title}:`);
    for (const spec of specs) {
      const facts = [valuesOf(spec), `default: ${describeDefault(spec)}`];
      if (spec.appliesTo) facts.push(spec.appliesTo);
      if (spec.teamDefault) facts.push('team default in .yo-rc.json');
      lines.push(`  ${nameOf(spec).padEnd(width)}${spec.description}`);
      lines.push(`  ${''.padEnd(width)}[${facts.join('; ')}]`);
    }
    lines.push('');
  };
  section('Arguments', options.filter((spec) => spec.positional));
  section('Options', options.filter((spec) => !spec.positional));
  lines.push('Examples:', ...command.examples.map((example) => `  ${example}`), '');
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function optionsTable(command: CommandSpec): string {
  const rows = optionsOf(command).map((spec) => {
    const notes = [spec.appliesTo, spec.teamDefault ? 'team default' : undefined, spec.scope === 'project' ? 'fixed once the project exists' : undefined]
      .filter(Boolean)
      .join('; ');
    return `| \`${nameOf(spec)}\` | ${cell(spec.description)} | ${cell(valuesOf(spec))} | \`${cell(describeDefault(spec))}\` | ${cell(notes)} |`;
  });
  return ['| option | what it does | values | default | notes |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * The README with the option table of every command rewritten from the declarations, between
 * `<!-- options:NAME -->` and `<!-- /options:NAME -->`.
 */
export function withOptionTables(readme: string, commands: readonly CommandSpec[]): string {
  let updated = readme;
  for (const command of commands) {
    const start = `<!-- options:${command.name} -->`;
    const end = `<!-- /options:${command.name} -->`;
    const from = updated.indexOf(start);
    const to = updated.indexOf(end);
    if (from === -1 || to < from) throw new Error(`README.md has no ${start} ... ${end} section`);
    updated = `${updated.slice(0, from + start.length)}\n${optionsTable(command)}\n${updated.slice(to)}`;
  }
  return updated;
}
