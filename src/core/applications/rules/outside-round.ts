import { monthOf, monthOfDay, MONTH_NAMES_NB } from '../../parse/period';
import { applicationRule } from '../application-rule';
import { says } from '../../engine/rule';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Applications are received in the rounds (May and December by default). */
export const outsideRound = applicationRule({
  id: 'outside-round',
  severity: 'warning',
  field: 'received',
  test: (a, ctx) => {
    // An unreadable date is date-invalid's finding.
    if (!a.received?.ok) return null;
    const rounds = ctx.portfolio.settings.roundMonths;
    const month = monthOf(monthOfDay(a.received.value));
    if (rounds.includes(month)) return null;
    const nb = rounds.map((m) => MONTH_NAMES_NB[m - 1]).join(' og ');
    const en = rounds.map((m) => MONTHS_EN[m - 1]).join(' and ');
    return says({
      problem: {
        nb: `Søknaden er mottatt i ${MONTH_NAMES_NB[month - 1]}, utenfor søknadsrundene (${nb})`,
        en: `The application was received in ${MONTHS_EN[month - 1]}, outside the application rounds (${en})`,
      },
      action: {
        nb: 'Behandle i neste runde eller begrunn unntaket.',
        en: 'Handle it in the next round or record why not.',
      },
    });
  },
});
