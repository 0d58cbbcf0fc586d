import { applicationRule } from '../application-rule';
import { isGrantedStatus } from '../../workbook/status';

/** Premise 6: a written agreement per project, once it has a grant. */
export const contractMissing = applicationRule({
  id: 'contract-missing',
  severity: 'warning',
  field: 'contract',
  test: (a, ctx) => {
    const granted = ctx.ordinaryByCase.has(a.caseId) || isGrantedStatus(a.status);
    if (!granted || a.contract === true) return null;
    return {
      nb: 'prosjektet har tildeling, men ingen skriftlig samarbeidsavtale. Inngå avtalen før utbetaling og sett «Samarbeidsavtale» til Ja.',
      en: 'the project has a grant but no written agreement. Sign it before payment and set "Written agreement" to Yes.',
      fact: {
        nb: 'Prosjektet har tildeling, men ingen skriftlig samarbeidsavtale.',
        en: 'The project has a grant but no written agreement.',
      },
    };
  },
});
