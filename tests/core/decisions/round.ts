import { APPLICATIONS, BUDGET, PROPOSALS, SETTINGS_SHEET } from '../../../src/core/workbook/contract';
import { exampleWorkbook, sheetRows } from '../../../src/example/agder';

/**
 * The example workbook with a spring round of 2026 before the portfolio board (short name PS, case
 * 04-2026): three applications with the secretariat's recommendations and the memo's `Forslag` rows.
 */
export const ROUND = [
  {
    caseId: '2026-05-001',
    title: 'Felles legevaktsamarbeid Lister',
    requested: 900_000,
    rec: 'Innvilges',
    amount: 900_000,
  },
  {
    caseId: '2026-05-002',
    title: 'Digital hjemmeoppfølging kols',
    requested: 1_200_000,
    rec: 'Delvis',
    amount: 800_000,
  },
  {
    caseId: '2026-05-003',
    title: 'Kompetansebro jordmor',
    requested: 400_000,
    rec: 'Innvilges',
    amount: 400_000,
  },
] as const;

export const MEETING = new Date('2026-05-20T00:00:00Z');

export function roundWorkbook(options: { proposals?: boolean } = {}): Record<string, unknown[][]> {
  const wb = exampleWorkbook();
  const apps = wb[APPLICATIONS.name]!;
  const header = apps[0] as string[];
  const col = (h: string) => header.indexOf(h);
  for (const r of ROUND) {
    const row: unknown[] = header.map(() => '');
    const set = (h: string, v: unknown) => (row[col(h)] = v);
    set('Saksnr', r.caseId);
    set('Mottatt', new Date('2026-05-02T00:00:00Z'));
    set('Tittel', r.title);
    set('Søker', 'Kommunene i Lister og SSHF');
    set('Kontakt e-post', 'postmottak@example.no');
    set('Kategori', 'Innovasjon/prosjekt');
    set('Type', 'Ny søknad');
    set('Kommuner', 'Kommunene i Lister');
    set('Helseforetak', 'Ja');
    set('Region', 'Lister');
    set('Prioriterte områder', 'Bedre samhandling');
    set('Behov', 'Behov beskrevet.');
    set('Kunnskapsgrunnlag', 'Kunnskapsgrunnlag beskrevet.');
    set('Gevinstrealisering', 'Gevinster beskrevet.');
    set('Fra', '2026-08');
    set('Til', '2027-07');
    set('Søkt beløp', r.requested);
    set('Egenandel kommune', 100_000);
    set('Egenandel helseforetak', 100_000);
    set('Varige driftsutgifter', 'Nei');
    set('Enighet dokumentert', 'Ja');
    set('Samarbeidsavtale', 'Nei');
    set('Status', 'Innstilt');
    set('Innstilling', r.rec);
    set('Innstilt beløp', r.amount);
    apps.push(row);
    wb[BUDGET.name]!.push([r.caseId, 'Lønn og drift', r.requested]);
  }
  // The portfolio board decides, under its short name.
  for (const row of wb[SETTINGS_SHEET.name]!) if (row[0] === 'Beslutningsorgan kortnavn') row[1] = 'PS';
  for (const row of wb[SETTINGS_SHEET.name]!) if (row[0] === 'Beslutningsorgan') row[1] = 'Porteføljestyret';
  if (options.proposals !== false)
    wb[PROPOSALS.name] = sheetRows(
      PROPOSALS,
      ROUND.map((r) => ({
        boardCase: '04-2026',
        meeting: MEETING,
        caseId: r.caseId,
        title: r.title,
        category: 'Innovasjon/prosjekt',
        recommendation: r.rec,
        amount: r.amount,
        from: '2026-08',
        to: '2027-07',
        made: new Date('2026-05-06T00:00:00Z'),
      })),
    );
  return wb;
}
