import { PyazureGenerator } from '../../generator-base.js';
import { APP_COMMAND } from '../../lib/commands.js';
import type { ResolveContext } from '../../lib/options.js';
import type { Plan } from '../../lib/plan.js';

/** `yo pyazure`: asks which kind of project to create and composes that generator. */
export default class AppGenerator extends PyazureGenerator {
  constructor(args: string[], options: ConstructorParameters<typeof PyazureGenerator>[1]) {
    super(args, options, APP_COMMAND, true);
  }

  protected override contextFor(): ResolveContext {
    return { existingProject: false, fixed: {} };
  }

  /** The app generator writes nothing itself. */
  protected override planFor(): Plan {
    return { files: [], createsProject: false, summary: '', nextSteps: [] };
  }

  override async prompting(): Promise<void> {
    await super.prompting();
    // The chosen generator parses the same command line (it ignores --project) and runs the way
    // this one was asked to run.
    const { interactive, force } = this.answers;
    await this.composeWith(`pyazure:${this.answers.project as string}`, {
      generatorArgs: this._args,
      generatorOptions: { interactive, force } as Record<string, unknown>,
    });
  }

  override end(): void {}
}
