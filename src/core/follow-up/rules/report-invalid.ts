import type { CellRef, Finding } from '../../engine/findings';
import { about, finding, type Rule } from '../../engine/rule';
import type { StatusReport } from '../status/reports';

/** `nb`/`en` name the cell for the sheet; `factNb`/`factEn` say the same for a document. */
type Problem = { field: string; nb: string; en: string; factNb: string; factEn: string };

const CHECK_PROBLEMS: Partial<Record<StatusReport['check'], Omit<Problem, 'field'>>> = {
  unverified: {
    nb: 'Kontroll «Ubekreftet»: koden i lenken mangler eller stemmer ikke for saken, så den teller ikke før noen i sekretariatet har sjekket avsenderen og skrevet «Bekreftet» i Kontroll',
    en: 'Check "Ubekreftet": the code from the link is missing or wrong for the case, so it does not count until someone in the secretariat has checked the sender and written "Bekreftet" in Kontroll',
    factNb: 'den er ikke bekreftet som prosjektets egen',
    factEn: "it is not confirmed as the project's own",
  },
  closed: {
    nb: 'Kontroll «Avsluttet sak»: prosjektet er avsluttet, så rapporten teller ikke',
    en: 'Check "Avsluttet sak": the project is closed, so the report does not count',
    factNb: 'prosjektet er avsluttet',
    factEn: 'the project is closed',
  },
  unknown: {
    nb: 'Kontroll «Ukjent sak»: saken fantes ikke da rapporten kom, så den teller ikke',
    en: 'Check "Ukjent sak": the case did not exist when the report came, so it does not count',
    factNb: 'saken var ukjent',
    factEn: 'the case was unknown',
  },
};

function problemsOf(r: StatusReport, known: Set<string>): Problem[] {
  const out: Problem[] = [];
  const check = CHECK_PROBLEMS[r.check];
  if (check) out.push({ field: 'check', ...check });
  if (!known.has(r.caseId))
    out.push({
      field: 'caseId',
      nb: r.caseId === '' ? 'Saksnr mangler' : `Saksnr «${r.caseId}» finnes ikke i Søknader`,
      en: r.caseId === '' ? 'Case ID missing' : `Case ID "${r.caseId}" is not in Applications`,
      factNb: 'saken er ukjent',
      factEn: 'the case is unknown',
    });
  if (!r.due.ok)
    out.push({
      field: 'due',
      nb: `Frist: ${r.due.reason.nb}`,
      en: `Due date: ${r.due.reason.en}`,
      factNb: 'fristen den svarer på er ingen dato',
      factEn: 'the due date it answers is no date',
    });
  if (!r.received.ok)
    out.push({
      field: 'received',
      nb: `Mottatt: ${r.received.reason.nb}`,
      en: `Received: ${r.received.reason.en}`,
      factNb: 'mottaksdatoen mangler eller er ugyldig',
      factEn: 'the date received is missing or invalid',
    });
  if (r.type === null)
    out.push({
      field: 'type',
      nb: `Type «${r.typeText}» er verken Halvårsrapport eller Sluttrapport`,
      en: `Type "${r.typeText}" is neither Halvårsrapport nor Sluttrapport`,
      factNb: `rapporttypen «${r.typeText}» er ukjent`,
      factEn: `the report type "${r.typeText}" is unknown`,
    });
  const labels: Record<'progress' | 'economy' | 'risk', [string, string]> = {
    progress: ['Framdrift', 'Progress'],
    economy: ['Økonomi', 'Economy'],
    risk: ['Risiko', 'Risk'],
  };
  for (const k of ['progress', 'economy', 'risk'] as const) {
    if (r[k] !== null) continue;
    out.push({
      field: k,
      nb: `${labels[k][0]} «${r.lightText[k]}» er ikke Grønn, Gul eller Rød`,
      en: `${labels[k][1]} "${r.lightText[k]}" is not Green, Yellow or Red`,
      factNb: `lyset for ${labels[k][0].toLowerCase()} er verken grønt, gult eller rødt`,
      factEn: `the ${labels[k][1].toLowerCase()} light is neither green, yellow nor red`,
    });
  }
  return out;
}

/**
 * A report that cannot be counted: unknown case, no due date or received date, unknown type or light, or
 * a `Kontroll` that says it waits for confirmation (wrong code in the link, closed or unknown case).
 * Without this it would silently answer no due date, and the project would look overdue.
 */
export const statusReportInvalid: Rule = {
  id: 'status-report-invalid',
  severity: 'warning',
  family: 'follow-up',
  check(ctx) {
    const known = new Set(ctx.portfolio.applications.map((a) => a.caseId));
    const out: Finding[] = [];
    for (const r of [...(ctx.portfolio.statusReports ?? []), ...(ctx.portfolio.uncountedReports ?? [])]) {
      const problems = problemsOf(r, known);
      if (problems.length === 0) continue;
      const ref = r.caseId;
      const cells = problems.map((x): CellRef => ({ sheet: 'statusReports', row: r.row, field: x.field }));
      out.push(
        finding(
          this,
          ref,
          cells,
          (lang) =>
            lang === 'nb'
              ? `${about(ref, cells[0], 'nb')}rapporten kan ikke telles: ${problems.map((x) => x.nb).join('; ')}. Rett cellene, så teller den for fristen.`
              : `${about(ref, cells[0], 'en')}the report cannot be counted: ${problems.map((x) => x.en).join('; ')}. Fix the cells so it counts for its due date.`,
          (lang) =>
            lang === 'nb'
              ? `En statusrapport kan ikke telles: ${problems.map((x) => x.factNb).join('; ')}.`
              : `A status report cannot be counted: ${problems.map((x) => x.factEn).join('; ')}.`,
        ),
      );
    }
    return out;
  },
};
