import { applicationRule } from './rule';

/** Premise: the municipalities and the hospital trust collaborate; both must be parties. */
export const partiesMissing = applicationRule({
  id: 'parties-missing',
  severity: 'error',
  field: 'municipalities',
  test: (a) => {
    const noMunicipality = a.municipalities.length === 0;
    const noHospital = a.hospital !== true;
    if (!noMunicipality && !noHospital) return null;
    if (noMunicipality && noHospital) {
      return {
        nb: 'verken kommune eller SSHF er part. Fyll inn «Kommuner» og sett «SSHF» til Ja.',
        en: 'neither a municipality nor the hospital trust is a party. Fill in "Municipalities" and set "Hospital trust" to Yes.',
      };
    }
    return noMunicipality
      ? {
          nb: 'ingen kommune er oppgitt som part. Fyll inn «Kommuner».',
          en: 'no municipality is a party. Fill in "Municipalities".',
        }
      : {
          nb: 'SSHF er ikke oppgitt som part. Sett «SSHF» til Ja når sykehuset deltar.',
          en: 'the hospital trust is not a party. Set "Hospital trust" to Yes when it takes part.',
        };
  },
});
