import { APPLICATIONS, BUDGET } from '../../src/core/workbook/contract';
import { exampleWorkbook } from '../../src/example/agder';

/**
 * The example workbook of SSU 18-2025 plus two invented applications of the December round that await a
 * decision, so the assessment ranking and the dashboard's what-if have something to show.
 */
export function demoWorkbook(overrides: { title?: string } = {}): Record<string, unknown[][]> {
  const values = exampleWorkbook();
  const apps = values[APPLICATIONS.name]!;
  const header = apps[0] as string[];
  const base = apps[1] as unknown[];
  const app = (cells: Record<string, unknown>) => {
    const row = [...base];
    for (const [h, v] of Object.entries(cells)) row[header.indexOf(h)] = v;
    apps.push(row);
  };
  if (overrides.title !== undefined) base[header.indexOf('Tittel')] = overrides.title;
  app({
    Saksnr: '2025-12-001',
    Tittel: 'Felles akutteam Lister',
    Søker: 'Lister-kommunene',
    Kommuner: 'Flekkefjord, Kvinesdal, Farsund',
    Region: 'Lister',
    'Søkt beløp': '1 200 000',
    Fra: '2026-01',
    Til: '2026-12',
    Status: 'Innstilt',
    Samarbeidsavtale: 'Ja',
    'Egenandel kommune': '300 000',
  });
  app({
    Saksnr: '2025-12-002',
    Tittel: 'Kombinerte stillinger i rehabilitering',
    Søker: 'Setesdal regionråd',
    Kommuner: 'Valle, Bykle',
    Region: 'Setesdal',
    'Søkt beløp': '450 000',
    Fra: '2026-03',
    Til: '2026-12',
    Status: 'Under vurdering',
    Samarbeidsavtale: 'Ja',
    'Egenandel SSHF': '100 000',
  });
  values[BUDGET.name]!.push(['2025-12-001', 'Lønn', '1 200 000'], ['2025-12-002', 'Lønn', '450 000']);
  return values;
}
