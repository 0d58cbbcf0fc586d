import type { CellRef, Finding } from '../../engine/findings';
import type { LedgerEntry } from '../ledger';
import type { Allocation } from '../../portfolio/records';
import { about, finding, type Rule, type RuleText } from '../../engine/rule';

function allocationFieldRule(
  id: string,
  field: 'category' | 'kind',
  fires: (entry: LedgerEntry) => boolean,
  text: (a: Allocation) => RuleText,
): Rule {
  const rule: Rule = {
    id,
    severity: 'error',
    family: 'data',
    check(ctx) {
      const out: Finding[] = [];
      for (const entry of ctx.ledger.entries) {
        if (!fires(entry)) continue;
        const a = entry.allocation;
        const ref = a.caseId;
        const cell: CellRef = { sheet: 'allocations', row: a.row, field };
        const t = text(a);
        out.push(
          finding(
            rule,
            ref,
            [cell],
            (lang) => about(ref, cell, lang) + t[lang],
            (lang) => t.fact[lang],
          ),
        );
      }
      return out;
    },
  };
  return rule;
}

/** Every allocation must belong to a pot of the split key, or it cannot be counted against it. */
export const categoryInvalid = allocationFieldRule(
  'category-invalid',
  'category',
  // An allocation without a category takes its project's (see the ledger).
  (e) => e.category === null,
  (a) => ({
    nb: `${a.categoryText === '' ? 'kategori mangler' : `«${a.categoryText}» er ingen kategori`}. Velg Innovasjon/prosjekt, Administrasjon eller Samdrift/tiltak.`,
    en: `${a.categoryText === '' ? 'category missing' : `"${a.categoryText}" is not a category`}. Choose Innovation/projects, Administration or Joint operations.`,
    fact: {
      nb: 'Tildelingen hører ikke til noen kategori i fordelingsnøkkelen.',
      en: 'The allocation belongs to no category of the split key.',
    },
  }),
);

/** Ordinary (board) and supplementary (secretariat) allocations follow different rules. */
export const kindInvalid = allocationFieldRule(
  'kind-invalid',
  'kind',
  (e) => e.allocation.kind === null,
  (a) => ({
    nb: `${a.kindText === '' ? 'art mangler' : `«${a.kindText}» er ingen art`}. Velg Ordinær eller Tilleggsbevilling.`,
    en: `${a.kindText === '' ? 'kind missing' : `"${a.kindText}" is not a kind`}. Choose Ordinær (ordinary) or Tilleggsbevilling (supplementary).`,
    fact: {
      nb: 'Det er uklart om tildelingen er ordinær eller en tilleggsbevilling.',
      en: 'It is unclear whether the allocation is ordinary or supplementary.',
    },
  }),
);
