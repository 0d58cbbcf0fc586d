import type { CellRef, Finding } from '../../engine/findings';
import { about, finding, type Rule } from '../../engine/rule';

/** Every application needs a unique case id: budgets, allocations and documents refer to it. */
export const caseIdInvalid: Rule = {
  id: 'case-id-invalid',
  severity: 'error',
  family: 'data',
  check(ctx) {
    const out: Finding[] = [];
    const seen = new Map<string, number>();
    for (const app of ctx.portfolio.applications) {
      const ref = app.caseId;
      const cell: CellRef = { sheet: 'applications', row: app.row, field: 'caseId' };
      const first = seen.get(app.caseId);
      if (app.caseId === '') {
        out.push(
          finding(
            this,
            ref,
            [cell],
            (lang) =>
              lang === 'nb'
                ? `${about(ref, cell, 'nb')}søknaden mangler saksnummer. Gi den et saksnummer, f.eks. 2025-05-003.`
                : `${about(ref, cell, 'en')}the application has no case ID. Give it one, e.g. 2025-05-003.`,
            (lang) => (lang === 'nb' ? 'Søknaden har ikke saksnummer.' : 'The application has no case ID.'),
          ),
        );
      } else if (first !== undefined) {
        out.push(
          finding(
            this,
            ref,
            [cell],
            (lang) =>
              lang === 'nb'
                ? `${about(ref, cell, 'nb')}saksnummeret er også brukt i rad ${first}. Gi hver søknad sitt eget saksnummer.`
                : `${about(ref, cell, 'en')}the case ID is also used in row ${first}. Give each application its own case ID.`,
            (lang) =>
              lang === 'nb'
                ? 'Saksnummeret er brukt av mer enn én søknad.'
                : 'The case ID is used by more than one application.',
          ),
        );
      } else seen.set(app.caseId, app.row);
    }
    return out;
  },
};
