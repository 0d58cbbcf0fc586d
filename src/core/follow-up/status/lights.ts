import { normalizeKey } from '../../base/text';

/** A traffic light: green = on track, yellow = issues or risk, red = significant (seed 003). */
export type Light = 'green' | 'yellow' | 'red';

const LIGHT_NAMES: Record<string, Light> = {
  grønn: 'green',
  gronn: 'green',
  green: 'green',
  g: 'green',
  gul: 'yellow',
  yellow: 'yellow',
  amber: 'yellow',
  oransje: 'yellow',
  rød: 'red',
  rod: 'red',
  red: 'red',
  r: 'red',
};

/** Grønn/Gul/Rød (and English); `null` when blank or unknown. */
export const parseLight = (text: string): Light | null => LIGHT_NAMES[normalizeKey(text)] ?? null;

const RANK: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

/** The overall light is the worst of the lights given; `null` when none is known. */
export function worstLight(lights: ReadonlyArray<Light | null>): Light | null {
  let worst: Light | null = null;
  for (const l of lights) if (l !== null && (worst === null || RANK[l] > RANK[worst])) worst = l;
  return worst;
}

export const LIGHT_LABEL: Record<Light, { nb: string; en: string }> = {
  green: { nb: 'Grønn', en: 'Green' },
  yellow: { nb: 'Gul', en: 'Yellow' },
  red: { nb: 'Rød', en: 'Red' },
};
