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
import { commitWrites } from './lib/commit.js';
import { parseJsonFile, snapshotOf, type ProjectSnapshot } from './lib/project.js';

/** Where Yeoman keeps a project's generator settings; the team defaults live in it. */
const YO_RC = '.yo-rc.json';

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
    if (this.plan.createsProject) {
      const saved = teamDefaultsToSave(this.command.options, this.answers, teamDefaults);
      const yoRc = this.yoRcWith(project.read(YO_RC), saved);
      if (yoRc !== undefined) this.writes.push({ path: YO_RC, contents: yoRc, existing: project.read(YO_RC) !== undefined });
    }
  }

  /**
   * The plan goes to disk all or nothing (see commitWrites) rather than through Yeoman's in-memory
   * file system, whose commit writes file by file and leaves a half project when one write fails.
   * The plan has already checked every file against the disk, so there is nothing left to ask.
   */
  writing(): void {
    if (this.writes.length === 0) return;
    commitWrites(this.destinationRoot(), this.writes);
    for (const write of this.writes) {
      // Yeoman's in-memory view may hold what the file was when the plan read it; later readers
      // (a composing generator, yeoman-test) see the new contents. Nothing is pending in it to write.
      (this.env.sharedFs.get(this.destinationPath(write.path)) as { contents: Buffer | null }).contents = Buffer.from(write.contents);
      this.log(`${write.existing ? '  update' : '  create'} ${write.path}`);
    }
  }

  /** .yo-rc.json with the team defaults set in this package's section, or undefined when unchanged. */
  private yoRcWith(existing: string | undefined, values: Answers): string | undefined {
    if (Object.keys(values).length === 0) return undefined;
    const document = existing === undefined ? {} : parseJsonFile(existing, YO_RC);
    const section = { ...(document[this.rootGeneratorName()] as Answers | undefined), ...values };
    document[this.rootGeneratorName()] = Object.fromEntries(Object.entries(section).sort(([a], [b]) => a.localeCompare(b)));
    const contents = `${JSON.stringify(document, null, 2)}\n`;
    return contents === existing ? undefined : contents;
  }

  end(): void {
    if (!this.plan) return;
    // A re-run with the same answers writes nothing, and says so rather than claiming to create.
    this.log(this.writes.length === 0 ? 'Nothing to change: every file is already as this run would write it.' : this.plan.summary);
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
