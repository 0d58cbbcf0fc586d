import type { Finding, Severity } from '../engine/findings';
import { DAY_FORMS } from '../parse/period';
import type { Reason } from '../base/result';
import type { SheetId } from '../workbook/sheets';
import { cellFinding, type Rule } from '../engine/rule';

/**
 * Every date the product reads is understood or named. An allocation's `Dato` decides its budget year
 * (without a period) and its publication, so an unreadable or missing one is an error; an application's
 * `Mottatt` only tells the round (`outside-round`), so an unreadable one is a warning and a blank is fine.
 */
export const dateInvalid: Rule = {
  id: 'date-invalid',
  severity: 'error',
  family: 'data',
  check(ctx) {
    const out: Finding[] = [];
    const flag = (
      sheet: SheetId,
      r: { caseId: string; row: number },
      field: string,
      severity: Severity,
      reason: Reason,
      effect: Reason,
      fact: Reason,
    ) => {
      // The parser's own hint ("(skriv f.eks. …)") gives way to the full list of accepted forms.
      const found = (text: string) => text.replace(/ \((?:skriv|write) [^)]*\)$/, '');
      out.push({
        ...cellFinding(
          this,
          { sheet, row: r.row, field },
          r,
          (lang) =>
            lang === 'nb'
              ? `${found(reason.nb)}. ${effect.nb} Skriv datoen som 09.05.2025 (godtatt: ${DAY_FORMS.nb}).`
              : `${found(reason.en)}. ${effect.en} Write the date as 2025-05-09 (accepted: ${DAY_FORMS.en}).`,
          fact,
        ),
        severity,
      });
    };
    for (const a of ctx.active) {
      if (a.received && !a.received.ok) {
        flag(
          'applications',
          a,
          'received',
          'warning',
          a.received.reason,
          {
            nb: 'Uten lesbar dato kan ikke søknadsrunden kontrolleres.',
            en: 'Without a readable date the application round cannot be checked.',
          },
          {
            nb: 'Søknadens mottaksdato kan ikke leses.',
            en: 'The date the application was received cannot be read.',
          },
        );
      }
    }
    for (const a of ctx.portfolio.allocations) {
      if (a.date.ok) continue;
      flag(
        'allocations',
        a,
        'date',
        'error',
        a.date.reason,
        {
          nb: a.period
            ? 'Vedtaksdatoen trengs for publisering; tildelingen publiseres ikke før den er rettet.'
            : 'Uten periode telles tildelingen i vedtaksåret, og den publiseres ikke før datoen er rettet.',
          en: a.period
            ? 'The decision date is needed to publish; the allocation is not published until it is corrected.'
            : 'Without a period the allocation counts in its decision year, and it is not published until the date is corrected.',
        },
        { nb: 'Tildelingen har ingen gyldig vedtaksdato.', en: 'The allocation has no valid decision date.' },
      );
    }
    return out;
  },
};
