import { applicationRule } from '../application-rule';
import { says } from '../../engine/rule';

/** Premise 9: measures should in general not cause permanent increased operating costs. */
export const permanentOperatingCost = applicationRule({
  id: 'permanent-operating-cost',
  severity: 'warning',
  field: 'permanentCosts',
  test: (a) =>
    a.permanentCosts === true
      ? says({
          problem: {
            nb: 'Tiltaket gir varige økte driftsutgifter',
            en: 'The measure implies permanent increased operating costs',
          },
          action: {
            nb: 'Beskriv hvem som dekker dem etter prosjektperioden.',
            en: 'Describe who covers them after the project.',
          },
        })
      : null,
});
