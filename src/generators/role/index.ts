import { PyazureGenerator } from '../../generator-base.js';
import { ROLE_COMMAND } from '../../lib/cloudservice/command.js';
import { fixedByService, planRole } from '../../lib/cloudservice/plan.js';
import type { Answers, ResolveContext } from '../../lib/options.js';
import type { ProjectSnapshot } from '../../lib/project.js';

export default class RoleGenerator extends PyazureGenerator {
  constructor(args: string[], options: ConstructorParameters<typeof PyazureGenerator>[1]) {
    super(args, options, ROLE_COMMAND);
  }

  protected override contextFor(project: ProjectSnapshot, teamDefaults: Answers): ResolveContext {
    const fixed = fixedByService(project, teamDefaults);
    return { existingProject: Object.keys(fixed).length > 0, fixed };
  }

  protected override planFor(answers: Answers, project: ProjectSnapshot) {
    return planRole(answers, project);
  }
}
