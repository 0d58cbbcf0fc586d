import { applicationRule } from '../application-rule';

/** Premise 9: measures should in general not cause permanent increased operating costs. */
export const permanentOperatingCost = applicationRule({
  id: 'permanent-operating-cost',
  severity: 'warning',
  field: 'permanentCosts',
  test: (a) =>
    a.permanentCosts === true
      ? {
          nb: 'tiltaket gir varige økte driftsutgifter. Beskriv hvem som dekker dem etter prosjektperioden.',
          en: 'the measure implies permanent increased operating costs. Describe who covers them after the project.',
          fact: {
            nb: 'Tiltaket gir varige økte driftsutgifter.',
            en: 'The measure implies permanent increased operating costs.',
          },
        }
      : null,
});
