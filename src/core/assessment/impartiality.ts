import type { Declaration } from './scores';

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
