import { ruleIds } from '../../../../src/core/check/rules';

/** The follow-up rules, from their family; tested both ways in `rules.test.ts` beside this file. */
export const FOLLOW_UP_RULE_IDS = ruleIds('follow-up');
