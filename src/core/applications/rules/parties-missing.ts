import { applicationRule } from '../application-rule';
import { says } from '../../engine/rule';

/** Premise: the municipalities and the hospital trust collaborate; both must be parties. */
export const partiesMissing = applicationRule({
  id: 'parties-missing',
  severity: 'error',
  field: 'municipalities',
  test: (a, ctx) => {
    const noMunicipality = a.municipalities.length === 0;
    const noHospital = a.hospital !== true;
    if (!noMunicipality && !noHospital) return null;
    const trust = ctx.portfolio.settings.hospitalTrustShort;
    if (noMunicipality && noHospital) {
      return says({
        problem: {
          nb: `Verken en kommune eller ${trust} er part i søknaden`,
          en: `Neither a municipality nor ${trust} is a party to the application`,
        },
        action: {
          nb: 'Fyll inn «Kommuner» og sett «Helseforetak» til Ja.',
          en: 'Fill in "Municipalities" and set "Hospital trust" to Yes.',
        },
      });
    }
    return noMunicipality
      ? says({
          problem: {
            nb: 'Ingen kommune er part i søknaden',
            en: 'No municipality is a party to the application',
          },
          action: { nb: 'Fyll inn «Kommuner».', en: 'Fill in "Municipalities".' },
        })
      : says({
          problem: {
            nb: `${trust} er ikke part i søknaden`,
            en: `${trust} is not a party to the application`,
          },
          action: {
            nb: 'Sett «Helseforetak» til Ja når helseforetaket deltar.',
            en: 'Set "Hospital trust" to Yes when it takes part.',
          },
        });
  },
});
