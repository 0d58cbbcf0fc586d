import { scoresByDisqualified } from '../scores';
import { groundLabel } from '../form';
import type { Finding } from '../../engine/findings';
import { about, finding, type Rule } from '../../engine/rule';

/**
 * Forvaltningsloven § 6: an assessor who declared a conflict for a case must not score it. Fires for each
 * assessor with answers on a case they are disqualified from (by their latest declaration or the row's
 * own `Habilitet`). Those answers are already left out of the weighted score; the rows should go.
 */
export const assessorDisqualified: Rule = {
  id: 'assessor-disqualified',
  severity: 'error',
  family: 'assessment',
  // Handled by leaving the assessor's scores out: it holds no case back, and the memo would name them.
  memo: 'none',
  check(ctx) {
    const out: Finding[] = [];
    for (const s of scoresByDisqualified(ctx.portfolio.assessments ?? [])) {
      const rows = s.rows.join(', ');
      out.push(
        finding(
          this,
          s.caseId,
          [],
          (lang) => {
            const label = groundLabel(s.ground)[lang];
            const ground = lang === 'nb' ? label.toLowerCase() : label;
            return lang === 'nb'
              ? `${about(s.caseId, undefined, 'nb')}${s.assessor} har erklært seg inhabil («${ground}») men har gitt poeng (Vurderinger rad ${rows}). Poengene telles ikke med; slett radene eller rett habilitetserklæringen.`
              : `${about(s.caseId, undefined, 'en')}${s.assessor} declared a conflict ("${ground}") but gave scores (Vurderinger rows ${rows}). The scores are not counted; delete the rows or correct the declaration.`;
          },
          // No name: documents may be public.
          (lang) =>
            lang === 'nb'
              ? 'En vurderer som har erklært seg inhabil, har gitt poeng; poengene er ikke telt med.'
              : 'An assessor who declared a conflict gave scores; the scores are not counted.',
        ),
      );
    }
    return out;
  },
};
