import type { Declaration } from './scores';
import { tilskuddError } from '../base/errors';

/**
 * The cases an assessor declared a ground of disqualification for (`declared`: case → assessor → their
 * declaration, assessors in lower case). There they see nothing of how others assessed the case: no
 * scores, results or grounds, neither in the case's view nor in the ranking.
 */
export function disqualifiedFrom(
  declared: ReadonlyMap<string, ReadonlyMap<string, Declaration>>,
  assessor: string,
): Set<string> {
  return new Set(
    [...declared]
      .filter(([, byAssessor]) => {
        const ground = byAssessor.get(assessor)?.ground;
        return ground !== undefined && ground !== 'none';
      })
      .map(([id]) => id),
  );
}

/**
 * Refuses a document that prepares `caseIds` when its author is disqualified from any of them: the
 * disqualified may not prepare the basis of a decision (forvaltningsloven § 6, «tilrettelegge grunnlaget
 * for en avgjørelse»), and the memo prepares every case in it, the split of the pot included.
 */
export function refuseDisqualifiedAuthor(
  disqualified: ReadonlySet<string>,
  caseIds: readonly string[],
): void {
  const cases = [...new Set(caseIds)].filter((id) => disqualified.has(id));
  if (cases.length === 0) return;
  const list = cases.join(', ');
  const nb = cases.length === 1 ? `sak ${list}` : `sakene ${list}`;
  const en = cases.length === 1 ? `case ${list}` : `cases ${list}`;
  throw tilskuddError(
    `Du har erklært deg inhabil i ${nb}, som er med i saksfremstillingen. Den som er inhabil, kan ikke tilrettelegge grunnlaget for avgjørelsen (forvaltningsloven § 6), og saksfremstillingen forbereder hver sak i den. Et annet medlem av sekretariatet må lage saksfremstillingen. Ingenting er skrevet.`,
    `You declared yourself disqualified in ${en}, which the memo includes. A disqualified person may not prepare the basis of the decision (Public Administration Act § 6), and the memo prepares every case in it. Another member of the secretariat must write the memo. Nothing was written.`,
  );
}
