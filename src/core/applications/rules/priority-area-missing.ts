import { applicationRule } from '../application-rule';
import { says } from '../../engine/rule';

/** At least one of the grant's priority areas must apply. */
export const priorityAreaMissing = applicationRule({
  id: 'priority-area-missing',
  severity: 'error',
  field: 'priorityAreas',
  test: (a, ctx) =>
    a.priorityAreas.length > 0
      ? null
      : says({
          problem: {
            nb: 'Søknaden oppgir ikke noe prioritert område',
            en: 'The application names no priority area',
          },
          action: {
            nb: `Velg minst ett, f.eks. «${ctx.portfolio.settings.priorityAreas[0]}».`,
            en: `Choose at least one, e.g. "${ctx.portfolio.settings.priorityAreas[0]}".`,
          },
        }),
});
