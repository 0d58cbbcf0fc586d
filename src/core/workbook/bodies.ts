import type { Settings } from './settings';

/** How a body (the one that decides, or the one kept informed) is written where. */
export interface BodyNames {
  /** The full name, as in a board case's header: «Porteføljestyret». */
  name: string;
  /** In decision references and tables: «PS» (PS-sak 03-2026). */
  short: string;
  /** Inside a sentence: «porteføljestyret». */
  inText: string;
  /** The genitive of `inText`: «porteføljestyrets», «SSUs», «PS'». */
  genitive: string;
}

/** Norwegian genitive: an `s`, or an apostrophe after s, x and z («PS'», «Helse Sør-Øst RHFs»). */
export const genitiveOf = (word: string): string => (/[sxz]$/i.test(word) ? `${word}'` : `${word}s`);

function names(name: string, short: string, inText: string): BodyNames {
  const written = inText.trim() || short;
  return { name, short, inText: written, genitive: genitiveOf(written) };
}

/** The body that decides the allocations (settings `Beslutningsorgan …`). */
export const decidingBody = (s: Settings): BodyNames => names(s.board, s.boardShort, s.boardInText);

/** The body kept informed of progress and supplements (settings `Orienteringsorgan …`). */
export const informedBody = (s: Settings): BodyNames =>
  names(s.informedBody, s.informedBodyShort, s.informedBodyInText);
