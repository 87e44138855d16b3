/** Help text and README tables, both made from the option declarations. */
import { type CommandSpec, usageOf } from './command.js';
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
      return spec.example ? `e.g. ${spec.example}` : 'text';
  }
}

function nameOf(spec: OptionSpec): string {
  if (spec.positional) return `<${spec.name}>`;
  return spec.kind === 'boolean' ? `--${flagOf(spec)}` : `--${flagOf(spec)} <value>`;
}

export function helpText(command: CommandSpec): string {
  const lines = [`Usage: ${usageOf(command)}`, '', command.summary, ''];
  const width = Math.max(...command.options.map((spec) => nameOf(spec).length)) + 2;
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
  section('Arguments', command.options.filter((spec) => spec.positional));
  section('Options', command.options.filter((spec) => !spec.positional));
  lines.push('Examples:', ...command.examples.map((example) => `  ${example}`), '');
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function optionsTable(command: CommandSpec): string {
  const rows = command.options.map((spec) => {
    const notes = [spec.appliesTo, spec.teamDefault ? 'team default' : undefined].filter(Boolean).join('; ');
    return `| \`${nameOf(spec)}\` | ${cell(spec.description)} | ${cell(valuesOf(spec))} | ${cell(describeDefault(spec))} | ${cell(notes)} |`;
  });
  return ['| option | what it does | values | default | notes |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
