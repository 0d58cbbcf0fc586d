import { CATEGORIES, idsOf, parseTerm } from './vocabulary';

/** The three pots of the split key (the vocabulary `CATEGORIES`). Ids are the JSON contract. */
export type CategoryId = keyof typeof CATEGORIES;
export const CATEGORY_IDS: readonly CategoryId[] = idsOf(CATEGORIES);
export const CATEGORY_LABELS = CATEGORIES;

export const parseCategory = (text: string): CategoryId | null => parseTerm(CATEGORIES, text);
