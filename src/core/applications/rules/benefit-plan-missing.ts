import { applicationRule } from '../application-rule';

/** Selection criterion: a clear, described potential for benefit realisation. */
export const benefitPlanMissing = applicationRule({
  id: 'benefit-plan-missing',
  severity: 'error',
  field: 'benefitPlan',
  test: (a) =>
    a.benefitPlan !== ''
      ? null
      : {
          nb: 'gevinstrealisering er ikke beskrevet. Beskriv hvilke gevinster prosjektet skal gi og hvordan de måles.',
          en: 'benefit realisation is not described. Describe the benefits the project will give and how they are measured.',
          fact: {
            nb: 'Søknaden beskriver ikke gevinstrealisering.',
            en: 'The application does not describe benefit realisation.',
          },
        },
});
