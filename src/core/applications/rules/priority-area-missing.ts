import { applicationRule } from '../application-rule';

/** At least one of the grant's priority areas must apply. */
export const priorityAreaMissing = applicationRule({
  id: 'priority-area-missing',
  severity: 'error',
  field: 'priorityAreas',
  test: (a, ctx) =>
    a.priorityAreas.length > 0
      ? null
      : {
          nb: `ingen prioritert område er oppgitt. Velg minst ett, f.eks. «${ctx.portfolio.settings.priorityAreas[0]}».`,
          en: `no priority area is given. Choose at least one, e.g. "${ctx.portfolio.settings.priorityAreas[0]}".`,
          fact: {
            nb: 'Søknaden oppgir ikke noe prioritert område.',
            en: 'The application names no priority area.',
          },
        },
});
