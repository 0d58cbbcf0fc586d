import { applicationRule } from '../application-rule';
import { says } from '../../engine/rule';

/** Premise 3 of case 47-2024: agreement between the trust and the municipalities is documented. */
export const agreementMissing = applicationRule({
  id: 'agreement-missing',
  severity: 'error',
  field: 'agreement',
  test: (a, ctx) => {
    if (a.agreement === true) return null;
    const trust = ctx.portfolio.settings.hospitalTrustShort;
    return says({
      problem: {
        nb: `Enighet mellom kommune(r) og ${trust} om tiltaket er ikke dokumentert`,
        en: `Agreement between the municipalities and ${trust} on the measure is not documented`,
      },
      action: {
        nb: 'Innhent dokumentasjon og sett «Enighet dokumentert» til Ja.',
        en: 'Obtain it and set "Agreement documented" to Yes.',
      },
    });
  },
});
