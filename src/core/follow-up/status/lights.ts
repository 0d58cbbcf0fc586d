import { STATUS_LIGHTS } from '../../workbook/contract';
import { normalizeKey } from '../../base/text';

/** A traffic light: green = on track, yellow = issues or risk, red = significant (as SSU's status reports use them). */
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

/** The words of the lights: Norwegian as the sheet's dropdown writes them, English for the English UI. */
export const LIGHT_LABEL: Record<Light, { nb: string; en: string }> = {
  green: { nb: STATUS_LIGHTS.green, en: 'Green' },
  yellow: { nb: STATUS_LIGHTS.yellow, en: 'Yellow' },
  red: { nb: STATUS_LIGHTS.red, en: 'Red' },
};

/** Background colours for a light in documents and sheets (light tints, so black text stays readable). */
export const LIGHT_FILL: Record<Light, string> = { green: 'C8E6C9', yellow: 'FFF2CC', red: 'F4C7C3' };
