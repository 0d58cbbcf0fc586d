import { applicationRule } from '../application-rule';
import { says } from '../../engine/rule';
import { isGrantedStatus } from '../../workbook/status';
import { namesGroupOfMunicipalities } from '../parties';

/**
 * The parties to a project's written agreement are legal entities, each of which signs: a granted project
 * whose application names a group («Alle 25 kommuner i Agder») and whose parties are not registered one
 * by one in `Avtaleparter` gets a draft agreement with a placeholder instead of the municipalities.
 */
export const agreementPartiesUnnamed = applicationRule({
  id: 'agreement-parties-unnamed',
  severity: 'warning',
  // Follow-up of a grant, like contract-missing: it does not make a case less ready for decision.
  memo: 'hidden',
  field: 'municipalities',
  test: (a, ctx) => {
    const granted = ctx.ordinaryByCase.has(a.caseId) || isGrantedStatus(a.status);
    if (!granted || (ctx.portfolio.agreementParties ?? []).some((x) => x.caseId === a.caseId)) return null;
    const groups = a.municipalities.filter(namesGroupOfMunicipalities);
    if (groups.length === 0) return null;
    const named = { nb: groups.map((g) => `«${g}»`).join(', '), en: groups.map((g) => `"${g}"`).join(', ') };
    return says({
      problem: {
        nb: `Søknaden oppgir ${named.nb} i stedet for kommunene hver for seg, og avtalepartene er ikke registrert`,
        en: `The application names ${named.en} instead of each municipality on its own, and the agreement's parties are not registered`,
      },
      action: {
        nb: 'Før inn kommunene hver for seg (Saksnr, Part, Org.nr) i arket Avtaleparter før samarbeidsavtalen lages.',
        en: 'Enter each municipality as a party of its own (Case ID, Party, Org. number) in the sheet Avtaleparter before the agreement is drafted.',
      },
    });
  },
});
