import { applicationRule } from '../application-rule';
import { says } from '../../engine/rule';

/** The grant is partial financing: the parties are expected to contribute their own resources. */
export const ownContributionMissing = applicationRule({
  id: 'own-contribution-missing',
  severity: 'warning',
  field: 'ownMunicipality',
  test: (a) => {
    const positive = [a.ownMunicipality, a.ownHospital].some((p) => p !== null && p.ok && p.value > 0);
    return positive
      ? null
      : says({
          problem: {
            nb: 'Søknaden oppgir ingen egenandel fra partene',
            en: 'The application states no own contribution from the parties',
          },
          action: {
            nb: 'Tilskuddet er normalt delfinansiering: fyll inn «Egenandel kommune» og/eller «Egenandel helseforetak».',
            en: 'The grant is normally partial financing: fill in "Own contribution municipality" and/or "Own contribution hospital".',
          },
        });
  },
});
