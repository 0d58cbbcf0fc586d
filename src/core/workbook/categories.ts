import { normalizeKey } from '../base/text';

/** The three pots of the split key. Ids are the JSON contract; labels are what users see. */
export const CATEGORY_IDS = ['innovation', 'administration', 'operations'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export const CATEGORY_LABELS: Record<CategoryId, { nb: string; en: string }> = {
  innovation: { nb: 'Innovasjon/prosjekt', en: 'Innovation/projects' },
  administration: { nb: 'Administrasjon', en: 'Administration' },
  operations: { nb: 'Samdrift/tiltak', en: 'Joint operations/measures' },
};

const ALIASES: Record<string, CategoryId> = {};
for (const id of CATEGORY_IDS) {
  ALIASES[id] = id;
  ALIASES[normalizeKey(CATEGORY_LABELS[id].nb)] = id;
  ALIASES[normalizeKey(CATEGORY_LABELS[id].en)] = id;
}
Object.assign(ALIASES, {
  innovasjon: 'innovation',
  prosjekt: 'innovation',
  'innovasjon / prosjekt': 'innovation',
  forbedringsarbeid: 'innovation',
  projects: 'innovation',
  adm: 'administration',
  'adm.': 'administration',
  sekretariat: 'administration',
  samdrift: 'operations',
  tiltak: 'operations',
  drift: 'operations',
  'samdrift / tiltak': 'operations',
  'joint operations': 'operations',
} satisfies Record<string, CategoryId>);

export function parseCategory(text: string): CategoryId | null {
  return ALIASES[normalizeKey(text)] ?? null;
}
