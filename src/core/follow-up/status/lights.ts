import { LIGHTS, parseTerm, type Light } from '../../workbook/vocabulary';

/** A traffic light: green = on track, yellow = issues or risk, red = significant. */
export type { Light };

/** Grønn/Gul/Rød (and English); `null` when blank or unknown. */
export const parseLight = (text: string): Light | null => parseTerm(LIGHTS, text);

const RANK: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

/** The overall light is the worst of the lights given; `null` when none is known. */
export function worstLight(lights: ReadonlyArray<Light | null>): Light | null {
  let worst: Light | null = null;
  for (const l of lights) if (l !== null && (worst === null || RANK[l] > RANK[worst])) worst = l;
  return worst;
}

/** The words of the lights: Norwegian as the sheet's dropdown writes them, English for the English UI. */
export const LIGHT_LABEL = LIGHTS;
