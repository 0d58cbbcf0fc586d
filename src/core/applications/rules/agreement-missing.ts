import { applicationRule } from '../application-rule';

/** Premise 3 of case 47-2024: agreement between the trust and the municipalities is documented. */
export const agreementMissing = applicationRule({
  id: 'agreement-missing',
  severity: 'error',
  field: 'agreement',
  test: (a, ctx) => {
    if (a.agreement === true) return null;
    const trust = ctx.portfolio.settings.hospitalTrustShort;
    return {
      nb: `enighet mellom kommune(r) og ${trust} er ikke dokumentert. Innhent dokumentasjon og sett «Enighet dokumentert» til Ja.`,
      en: 'agreement between the municipalities and the hospital trust is not documented. Obtain it and set "Agreement documented" to Yes.',
      fact: {
        nb: `Enighet mellom kommune(r) og ${trust} om tiltaket er ikke dokumentert.`,
        en: `Agreement between the municipalities and ${trust} on the measure is not documented.`,
      },
    };
  },
});
