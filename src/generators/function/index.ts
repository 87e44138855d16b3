import { basename } from 'node:path';
import { PyazureGenerator } from '../../generator-base.js';
import { FUNCTION_COMMAND } from '../../lib/functions/command.js';
import { fixedByApp, inspectFunctionsApp, planFunction } from '../../lib/functions/plan.js';
import type { Answers, ResolveContext } from '../../lib/options.js';
import type { ProjectSnapshot } from '../../lib/project.js';

export default class FunctionGenerator extends PyazureGenerator {
  constructor(args: string[], options: ConstructorParameters<typeof PyazureGenerator>[1]) {
    super(args, options, FUNCTION_COMMAND);
  }

  protected override contextFor(project: ProjectSnapshot, teamDefaults: Answers): ResolveContext {
    const app = inspectFunctionsApp(project);
    return { existingProject: app.exists, fixed: fixedByApp(app, teamDefaults) };
  }

  protected override planFor(answers: Answers, project: ProjectSnapshot) {
    return planFunction(answers, project, basename(this.destinationRoot()));
  }
}
