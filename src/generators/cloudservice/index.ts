import { PyazureGenerator } from '../../generator-base.js';
import { CLOUDSERVICE_COMMAND } from '../../lib/cloudservice/command.js';
import { planCloudService } from '../../lib/cloudservice/plan.js';
import type { Answers, ResolveContext } from '../../lib/options.js';
import type { ProjectSnapshot } from '../../lib/project.js';

export default class CloudServiceGenerator extends PyazureGenerator {
  constructor(args: string[], options: ConstructorParameters<typeof PyazureGenerator>[1]) {
    super(args, options, CLOUDSERVICE_COMMAND);
  }

  protected override contextFor(): ResolveContext {
    return { existingProject: false, fixed: {} };
  }

  protected override planFor(answers: Answers, project: ProjectSnapshot) {
    return planCloudService(answers, project);
  }
}
