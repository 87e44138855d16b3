/**
 * The Yeoman edge shared by every pyazure generator: declares a command's options to Yeoman, asks
 * or resolves the answers, has the core plan the files, and writes the plan. Platform knowledge
 * lives in `lib/`, not here.
 */
import Generator from 'yeoman-generator';
import { type CommandSpec, optionsOf, RUN_OPTIONS } from './lib/command.js';
import {
  type Answers,
  type OptionSpec,
  type ResolveContext,
  describeDefault,
  flagOf,
  promptValidator,
  resolveOptions,
  teamDefaultsToSave,
} from './lib/options.js';
import { type Plan, type Write, writesFor } from './lib/plan.js';
import { snapshotOf, type ProjectSnapshot } from './lib/project.js';

type GeneratorArgs = ConstructorParameters<typeof Generator>;

export abstract class PyazureGenerator extends Generator {
  protected answers: Answers = {};
  private plan?: Plan;
  private writes: Write[] = [];
  private teamDefaults?: Answers;
  private readonly command: CommandSpec;

  /** `composer`: the generator only composes others, which own the run's install task. */
  constructor(args: GeneratorArgs[0], options: GeneratorArgs[1], command: CommandSpec, composer = false) {
    // Generated projects are Python: there is never an npm install to run. Yeoman wants exactly
    // one generator of a run to say so.
    super(args, options, { inheritTasks: true, customInstallTask: !composer });
    this.command = command;
    for (const spec of optionsOf(command)) {
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
    for (const spec of optionsOf(this.command)) {
      // Yeoman's parser keys flags in kebab-case; yo and composing generators pass camelCase.
      const value = options[spec.name] ?? options[flagOf(spec)];
      if (value !== undefined) given[spec.name] = value;
    }
    const context = this.contextFor(project, teamDefaults);
    // How to run (ask or not, overwrite or not) is settled before any question is asked.
    const run = await resolveOptions(RUN_OPTIONS, { given, stored: {}, context });
    this.answers = {
      ...run,
      ...(await resolveOptions(this.command.options, {
        given,
        stored: teamDefaults,
        context,
        ask: run.interactive ? (spec, suggested) => this.prompt([questionFor(spec, suggested) as never]).then((answers) => (answers as Answers)[spec.name]) : undefined,
      })),
    };
    this.plan = this.planFor(this.answers, project);
    this.writes = writesFor(this.plan, project, run.force === true);
    if (this.plan.createsProject) this.teamDefaults = teamDefaultsToSave(this.command.options, this.answers, teamDefaults);
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
    if (this.teamDefaults) this.config.set(this.teamDefaults);
  }

  end(): void {
    if (!this.plan) return;
    this.log(this.plan.summary);
    this.log(`Next steps:\n${this.plan.nextSteps.map((step) => `  ${step}`).join('\n')}`);
  }
}

/** The Inquirer question for an option, offering `suggested` as the default answer. */
function questionFor(spec: OptionSpec, suggested: unknown): Record<string, unknown> {
  const common = { name: spec.name, message: spec.prompt ?? spec.description, validate: promptValidator(spec) };
  switch (spec.kind) {
    case 'boolean':
      return { ...common, type: 'confirm', default: suggested === true };
    case 'choice':
      return { ...common, type: 'select', default: suggested, choices: spec.choices.map((choice) => ({ value: choice.value, name: `${choice.value}: ${choice.summary}` })) };
    case 'list':
      return { ...common, type: 'input', default: Array.isArray(suggested) ? suggested.join(',') : suggested };
    case 'string':
      return { ...common, type: 'input', default: suggested };
  }
}
