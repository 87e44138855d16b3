/**
 * The Yeoman edge shared by every pyazure generator: declares a command's options to Yeoman, asks
 * or resolves the answers, has the core plan the files, and writes the plan. Platform knowledge
 * lives in `lib/`, not here.
 */
import Generator from 'yeoman-generator';
import type { CommandSpec } from './lib/command.js';
import {
  type Answers,
  type OptionSpec,
  type ResolveContext,
  defaultOf,
  describeDefault,
  flagOf,
  parseOption,
  promptValidator,
  resolveOptions,
} from './lib/options.js';
import { type Plan, type Write, writesFor } from './lib/plan.js';
import { snapshotOf, type ProjectSnapshot } from './lib/project.js';

type GeneratorArgs = ConstructorParameters<typeof Generator>;

export abstract class PyazureGenerator extends Generator {
  protected answers: Answers = {};
  private plan?: Plan;
  private writes: Write[] = [];
  private readonly command: CommandSpec;

  /** `composer`: the generator only composes others, which own the run's install task. */
  constructor(args: GeneratorArgs[0], options: GeneratorArgs[1], command: CommandSpec, composer = false) {
    // Generated projects are Python: there is never an npm install to run. Yeoman wants exactly
    // one generator of a run to say so.
    super(args, options, { inheritTasks: true, customInstallTask: !composer });
    this.command = command;
    for (const spec of command.options) {
      const description = `${spec.description} (default: ${describeDefault(spec)})`;
      if (spec.positional) this.argument(spec.name, { type: String, required: false, description });
      else this.option(flagOf(spec), { type: spec.kind === 'boolean' ? Boolean : String, description });
    }
  }

  /** What the destination fixes (an existing project's model, ...) and whether it exists. */
  protected abstract contextFor(project: ProjectSnapshot, teamDefaults: Answers): ResolveContext;

  protected abstract planFor(answers: Answers, project: ProjectSnapshot): Plan;

  async prompting(): Promise<void> {
    const project = snapshotOf(this.destinationRoot(), (file) => (this.fs.exists(file) ? this.fs.read(file) : undefined) ?? undefined);
    const teamDefaults = this.config.getAll() as Answers;
    const given: Answers = {};
    const options = this.options as Record<string, unknown>;
    for (const spec of this.command.options) {
      // Yeoman's parser keys flags in kebab-case; yo and composing generators pass camelCase.
      const value = options[spec.name] ?? options[flagOf(spec)];
      if (value !== undefined) given[spec.name] = value;
    }
    const interactiveSpec = this.command.options.find((spec) => spec.name === 'interactive')!;
    const interactive = parseOption(interactiveSpec, given.interactive ?? defaultOf(interactiveSpec, given));
    this.answers = await resolveOptions(this.command.options, {
      given,
      stored: teamDefaults,
      context: this.contextFor(project, teamDefaults),
      ask: interactive ? (spec, suggested) => this.ask(spec, suggested) : undefined,
    });
    this.plan = this.planFor(this.answers, project);
    this.writes = writesFor(this.plan, project, this.answers.force === true);
  }

  writing(): void {
    for (const write of this.writes) {
      const path = this.destinationPath(write.path);
      this.fs.write(path, write.contents);
      if (write.existing) {
        // The plan has already checked this file against the disk (see writesFor), so Yeoman's
        // conflicter must not ask again: a run without a terminal would wait forever.
        (this.env.sharedFs.get(path) as { conflicter?: string }).conflicter = 'force';
      }
    }
    if (this.plan?.teamDefaults) {
      const defaults = Object.fromEntries(Object.entries(this.plan.teamDefaults).filter(([, value]) => value !== undefined));
      this.config.set(defaults);
    }
  }

  end(): void {
    if (!this.plan) return;
    this.log(this.plan.summary);
    this.log(`Next steps:\n${this.plan.nextSteps.map((step) => `  ${step}`).join('\n')}`);
  }

  private async ask(spec: OptionSpec, suggested: unknown): Promise<unknown> {
    const common = { name: spec.name, message: spec.prompt ?? spec.description, validate: promptValidator(spec) };
    const question =
      spec.kind === 'boolean'
        ? { ...common, type: 'confirm', default: suggested === true }
        : spec.kind === 'choice'
          ? { ...common, type: 'select', choices: spec.choices.map((choice) => ({ value: choice.value, name: `${choice.value}: ${choice.summary}` })), default: suggested }
          : spec.kind === 'list'
            ? { ...common, type: 'input', default: Array.isArray(suggested) ? suggested.join(',') : suggested }
            : { ...common, type: 'input', default: suggested };
    const answers = await this.prompt([question as never]);
    return (answers as Answers)[spec.name];
  }
}
