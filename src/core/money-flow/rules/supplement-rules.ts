import type { CellRef, Finding } from '../../engine/findings';
import { decidingBody, informedBody } from '../../workbook/bodies';
import { formatMoney } from '../../parse/money';
import { reported } from '../records';
import { about, finding, type Rule } from '../../engine/rule';

/** The secretariat's authority: at most the limit (100 000) per project, cumulative. */
export const supplementOverLimit: Rule = {
  id: 'supplement-over-limit',
  severity: 'error',
  family: 'supplement',
  check(ctx) {
    const limit = ctx.portfolio.settings.supplementLimit;
    const out: Finding[] = [];
    for (const rows of ctx.supplementsByCase.values()) {
      const total = rows.reduce((s, a) => s + (a.amount.ok ? a.amount.value : 0), 0);
      if (total <= limit) continue;
      const ref = rows[0]!.caseId;
      const cells = rows.map((a): CellRef => ({ sheet: 'allocations', row: a.row, field: 'amount' }));
      const over = formatMoney(total - limit);
      out.push(
        finding(
          this,
          ref,
          cells,
          (lang) =>
            lang === 'nb'
              ? `${about(ref, undefined, 'nb')}tilleggsbevillingene er til sammen ${formatMoney(total)}, ${over} over sekretariatets fullmakt på ${formatMoney(limit)} per prosjekt. Mer må vedtas av ${decidingBody(ctx.portfolio.settings).inText}.`
              : `${about(ref, undefined, 'en')}supplementary allocations total ${formatMoney(total)}, ${over} over the secretariat's authority of ${formatMoney(limit)} per project. More must be decided by the board.`,
          (lang) =>
            lang === 'nb'
              ? `Tilleggsbevillingene er til sammen ${formatMoney(total)}, ${over} over sekretariatets fullmakt på ${formatMoney(limit)} per prosjekt.`
              : `The supplementary allocations total ${formatMoney(total)}, ${over} over the secretariat's authority of ${formatMoney(limit)} per project.`,
        ),
      );
    }
    return out;
  },
};

/** Each supplementary allocation must be reported promptly to the body kept informed. */
export const supplementNotReported: Rule = {
  id: 'supplement-not-reported',
  severity: 'warning',
  family: 'supplement',
  check(ctx) {
    const out: Finding[] = [];
    for (const rows of ctx.supplementsByCase.values()) {
      for (const a of rows) {
        const state = reported(a);
        if (state === true) continue;
        const ref = a.caseId;
        const cell: CellRef = { sheet: 'allocations', row: a.row, field: 'reportedSsu' };
        const unclear =
          state === null
            ? { nb: ` («${a.reportedSsu}» er ingen dato)`, en: ` ("${a.reportedSsu}" is no date)` }
            : { nb: '', en: '' };
        out.push(
          finding(
            this,
            ref,
            [cell],
            (lang) =>
              lang === 'nb'
                ? `${about(ref, cell, 'nb')}tilleggsbevillingen er ikke rapportert til ${informedBody(ctx.portfolio.settings).inText}${unclear.nb}. Ta den med i neste saksfremstilling og fyll inn datoen.`
                : `${about(ref, cell, 'en')}the supplementary allocation is not reported to the board${unclear.en}. Include it in the next memo and fill in the date.`,
            (lang) =>
              lang === 'nb'
                ? `Tilleggsbevillingen er ikke rapportert til ${informedBody(ctx.portfolio.settings).inText}.`
                : 'The supplementary allocation has not been reported to the board.',
          ),
        );
      }
    }
    return out;
  },
};

/** Supplementary allocations go only to projects the board has already granted. */
export const supplementWithoutGrant: Rule = {
  id: 'supplement-without-grant',
  severity: 'error',
  family: 'supplement',
  check(ctx) {
    const out: Finding[] = [];
    for (const [caseId, rows] of ctx.supplementsByCase) {
      if (caseId !== '' && ctx.ordinaryByCase.has(caseId)) continue;
      for (const a of rows) {
        const ref = a.caseId;
        const cell: CellRef = { sheet: 'allocations', row: a.row, field: 'caseId' };
        out.push(
          finding(
            this,
            ref,
            [cell],
            (lang) =>
              lang === 'nb'
                ? `${about(ref, cell, 'nb')}tilleggsbevilling til et prosjekt uten ordinær tildeling. Sekretariatet kan bare gi tillegg til vedtatte prosjekt: rett Saksnr eller legg saken fram for ${decidingBody(ctx.portfolio.settings).inText}.`
                : `${about(ref, cell, 'en')}supplementary allocation to a project without an ordinary grant. The secretariat may only add to granted projects: fix the case ID or take it to the board.`,
            (lang) =>
              lang === 'nb'
                ? 'Tilleggsbevillingen gjelder et prosjekt uten ordinær tildeling.'
                : 'The supplementary allocation is for a project without an ordinary grant.',
          ),
        );
      }
    }
    return out;
  },
};
