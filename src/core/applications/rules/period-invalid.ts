import type { Finding } from '../../engine/findings';
import type { Reason } from '../../base/result';
import type { SheetId } from '../../workbook/sheets';
import { cellFinding, type Rule } from '../../engine/rule';

/** Applications need a valid period; an allocation's period, when given, must be valid. */
export const periodInvalid: Rule = {
  id: 'period-invalid',
  severity: 'error',
  family: 'premise',
  check(ctx) {
    const out: Finding[] = [];
    const flag = (
      sheet: SheetId,
      r: { caseId: string; row: number },
      field: string,
      reason: Reason,
      fact: Reason,
    ) => {
      out.push(
        cellFinding(
          this,
          { sheet, row: r.row, field },
          r,
          (lang) =>
            lang === 'nb'
              ? `${reason.nb}. Skriv måneder som 2025-08 i «Fra» og «Til».`
              : `${reason.en}. Write months such as 2025-08 in "From" and "To".`,
          fact,
        ),
      );
    };
    const noPeriod = (what: Reason): Reason => ({
      nb: `${what.nb} har ikke en gyldig periode.`,
      en: `${what.en} has no valid period.`,
    });
    const application = noPeriod({ nb: 'Søknaden', en: 'The application' });
    const allocation = noPeriod({ nb: 'Tildelingen', en: 'The allocation' });
    const field = (reason: Reason) => (reason.nb.startsWith('Til') ? 'to' : 'from');
    for (const a of ctx.active)
      if (!a.period.ok) flag('applications', a, field(a.period.reason), a.period.reason, application);
    for (const a of ctx.portfolio.allocations) {
      // Without a period an allocation counts by its date: an unusable one is date-invalid's finding.
      if (a.period && !a.period.ok)
        flag('allocations', a, field(a.period.reason), a.period.reason, allocation);
    }
    return out;
  },
};
