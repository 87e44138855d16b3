import { basename } from 'node:path';
import { PyazureGenerator } from '../../generator-base.js';
import type { Answers, ResolveContext } from '../../lib/options.js';
import { WEBAPP_COMMAND } from '../../lib/webapp/command.js';
import { planWebApp } from '../../lib/webapp/plan.js';

export default class WebAppGenerator extends PyazureGenerator {
  constructor(args: string[], options: ConstructorParameters<typeof PyazureGenerator>[1]) {
    super(args, options, WEBAPP_COMMAND);
  }

  /** A web app is always a new project; files that exist are conflicts, unless --force. */
  protected override contextFor(): ResolveContext {
    return { existingProject: false, fixed: {} };
  }

  protected override planFor(answers: Answers) {
    return planWebApp(answers, basename(this.destinationRoot()));
  }
}
