import type { Finding } from '../../engine/findings';
import { about, finding, type Rule } from '../../engine/rule';

/**
 * Every row of `Vurderinger` is written by Tilskudd with a keyed mark (`Kontroll`) over who answered
 * what on which case. A row without a mark that holds was typed or changed by hand — for instance a
 * board-rank override by someone who is not *Leder*, or scores in another assessor's name — and is not
 * counted. Only the Sheets adapter can check marks; elsewhere no row is flagged.
 */
export const assessmentUnmarked: Rule = {
  id: 'assessment-unmarked',
  severity: 'error',
  family: 'assessment',
  check(ctx) {
    const out: Finding[] = [];
    for (const r of ctx.portfolio.unmarkedAssessments ?? []) {
      out.push(
        finding(
          this,
          r.caseId,
          [],
          (lang) =>
            lang === 'nb'
              ? `${about(r.caseId, undefined, 'nb')}Vurderinger rad ${r.row} er ikke lagret av Tilskudd (kontrollfeltet mangler eller stemmer ikke), så den telles ikke. Vurderinger lagres i Tilskudd › Vurdering av den som vurderer; slett raden eller lagre vurderingen der.`
              : `${about(r.caseId, undefined, 'en')}Vurderinger row ${r.row} was not saved by Tilskudd (its check is missing or does not match), so it is not counted. Assessments are saved in Tilskudd › Assessment by the assessor; delete the row or save the assessment there.`,
          (lang) =>
            lang === 'nb'
              ? 'En vurdering som ikke er lagret av Tilskudd, er ikke telt med.'
              : 'An assessment not saved by Tilskudd is not counted.',
        ),
      );
    }
    return out;
  },
};
