import { applicationRule } from '../application-rule';
import { says } from '../../engine/rule';

/** Selection criterion: a clear, described potential for benefit realisation. */
export const benefitPlanMissing = applicationRule({
  id: 'benefit-plan-missing',
  severity: 'error',
  field: 'benefitPlan',
  test: (a) =>
    a.benefitPlan !== ''
      ? null
      : says({
          problem: {
            nb: 'Søknaden beskriver ikke gevinstrealisering',
            en: 'The application does not describe benefit realisation',
          },
          action: {
            nb: 'Beskriv hvilke gevinster prosjektet skal gi og hvordan de måles.',
            en: 'Describe the benefits the project will give and how they are measured.',
          },
        }),
});
