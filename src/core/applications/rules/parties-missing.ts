import { applicationRule } from '../application-rule';

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
      return {
        nb: `verken kommune eller ${trust} er part. Fyll inn «Kommuner» og sett «Helseforetak» til Ja.`,
        en: 'neither a municipality nor the hospital trust is a party. Fill in "Municipalities" and set "Hospital trust" to Yes.',
        fact: {
          nb: `Verken en kommune eller ${trust} er part i søknaden.`,
          en: `Neither a municipality nor ${trust} is a party to the application.`,
        },
      };
    }
    return noMunicipality
      ? {
          nb: 'ingen kommune er oppgitt som part. Fyll inn «Kommuner».',
          en: 'no municipality is a party. Fill in "Municipalities".',
          fact: {
            nb: 'Ingen kommune er part i søknaden.',
            en: 'No municipality is a party to the application.',
          },
        }
      : {
          nb: `${trust} er ikke oppgitt som part. Sett «Helseforetak» til Ja når helseforetaket deltar.`,
          en: 'the hospital trust is not a party. Set "Hospital trust" to Yes when it takes part.',
          fact: {
            nb: `${trust} er ikke part i søknaden.`,
            en: `${trust} is not a party to the application.`,
          },
        };
  },
});
