import { applicationRule } from '../application-rule';
import { says } from '../../engine/rule';
import { isGrantedStatus } from '../../workbook/status';

/** Premise 6: a written agreement per project, once it has a grant. */
export const contractMissing = applicationRule({
  id: 'contract-missing',
  severity: 'warning',
  // Follow-up of a grant: the memo does not list it (a missing contract does not make a case less ready).
  memo: 'hidden',
  field: 'contract',
  test: (a, ctx) => {
    const granted = ctx.ordinaryByCase.has(a.caseId) || isGrantedStatus(a.status);
    if (!granted || a.contract === true) return null;
    return says({
      problem: {
        nb: 'Prosjektet har tildeling, men ingen skriftlig samarbeidsavtale',
        en: 'The project has a grant but no written agreement',
      },
      action: {
        nb: 'Inngå avtalen før utbetaling og sett «Samarbeidsavtale» til Ja.',
        en: 'Sign it before payment and set "Written agreement" to Yes.',
      },
    });
  },
});
