import { checkWorkbook } from '../../../../src/core/check/check';
import { buildBoardStatus } from '../../../../src/core/documents/follow-up/board-status';
import {
  annualReportGaps,
  buildAnnualReport,
  gapLines,
} from '../../../../src/core/documents/follow-up/annual-report';
import type { Block, DocModel } from '../../../../src/core/documents/model';
import { toPlainText } from '../../../../src/core/documents/text';
import { exampleWorkbook } from '../../../../src/example/agder';
import { book, day, workbookValues } from '../../builders';

const example = (today: string) => checkWorkbook(exampleWorkbook(), { today: day(today) });
const tables = (doc: DocModel) =>
  doc.blocks.filter((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
const headings = (doc: DocModel) =>
  doc.blocks.filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading').map((b) => b.text);
const NB = '\u00a0';

/**
 * The example with a supplement, a withdrawal and an extension decided after 1 November 2025: a report as
 * of that day must read exactly as the example's own, and count them from the day they are decided.
 */
function withLaterDecisions(): Record<string, unknown[][]> {
  const values = exampleWorkbook();
  const sheet = values['Tildelinger']!;
  const header = sheet[0] as string[];
  const row = (cells: Record<string, unknown>) => header.map((h) => cells[h] ?? '');
  sheet.push(
    row({
      Saksnr: '2025-05-001',
      Vedtak: 'PS 30-2025',
      Dato: day('2025-11-20'),
      Art: 'Tilleggsbevilling',
      Beløp: 100_000,
      Fra: '2025-12',
      Til: '2025-12',
    }),
    row({
      Saksnr: '2025-05-002',
      Vedtak: 'PS 31-2025',
      Dato: day('2025-12-05'),
      Art: 'Inndragning',
      Beløp: 50_000,
      Fra: '2025-12',
      Til: '2025-12',
    }),
    row({
      Saksnr: '2025-05-002',
      Vedtak: 'PS 32-2025',
      Dato: day('2025-12-10'),
      Art: 'Forlengelse',
      Fra: '2025-08',
      Til: '2026-06',
    }),
  );
  return values;
}

describe('Statusrapport til beslutningsorganet', () => {
  const options = { date: day('2026-05-15'), meetingDate: '2026-06-09', caseNumber: '22-2026' };
  const doc = buildBoardStatus(example('2026-05-15'), options);
  const text = toPlainText(doc);

  it('is a board case: header with the deciding body, meeting and case number, a proposal, page numbers', () => {
    expect(doc.title).toBe('Statusrapport til SSU per 15.05.2026');
    expect(tables(doc)[0]!.rows).toEqual([
      ['Råd/utvalg', 'Strategisk samarbeidsutvalg (SSU) - Helsefellesskapet Agder'],
      ['Møtedato', '09.06.2026'],
      ['Saksnummer', '22-2026'],
      ['Saksbehandler', 'Sekretariatet'],
      ['Sakstittel', 'Status for prosjektene med tilskudd per 15.05.2026'],
    ]);
    expect(headings(doc)[0]).toBe('Forslag til vedtak');
    expect(text).toContain('SSU tar statusrapporten for prosjektene per 15.05.2026 til orientering.');
    expect(doc.footer).toEqual({
      text: 'Statusrapport · Sak 22-2026 · Helsefellesskapet Agder',
      pages: { page: 'Side', of: 'av' },
    });
  });

  it('has the portfolio with the three lights and the overall one as words, per project', () => {
    const portfolio = tables(doc)[1]!;
    expect(portfolio.rows[0]).toEqual([
      'Sak',
      'Prosjekt',
      'Framdrift',
      'Økonomi',
      'Risiko',
      'Samlet',
      'Siste rapport',
      'Neste frist',
    ]);
    expect(portfolio.rows.slice(1).map((r) => r.slice(2))).toEqual([
      ['Gul', 'Grønn', 'Rød', 'Rød', '30.04.2026', '30.09.2026'],
      ['Grønn', 'Grønn', 'Gul', 'Gul', '20.02.2026', '–'],
    ]);
    // Singular and plural: one light is «gult», two are «gule».
    expect(text).toContain('Samlet lys: 0 grønne, 1 gult, 1 rødt; alle har rapportert.');
    expect(portfolio.fills![1]).toEqual([null, null, 'FCE8B2', 'B7E1CD', 'F4C7C3', 'F4C7C3']);
  });

  it("has paid against allocated and the payments' light beside what the project reported", () => {
    const economy = tables(doc)[2]!;
    expect(economy.rows[0]).toEqual([
      'Sak',
      'Tildelt',
      'Utbetalt',
      'Utbetalt av tildelt',
      'Tid gått av perioden',
      'Lys fra utbetalingene',
      'Økonomilys rapportert',
      'Forbruk rapportert',
    ]);
    // Agdermodellen: 1 060 000 + the 60 000 supplement; 560 000 paid; it reports green and 690 000 spent.
    expect(economy.rows[1]).toEqual([
      '2025-05-001',
      `1${NB}120${NB}000`,
      `560${NB}000`,
      `50${NB}%`,
      `79${NB}%`,
      'Gul',
      'Grønn',
      `690${NB}000`,
    ]);
    expect(economy.rows[2]!.slice(5, 7)).toEqual(['Rød', 'Grønn']);
  });

  it('lists every payment made without a written agreement', () => {
    expect(headings(doc)).toContain('Utbetalinger uten skriftlig avtale');
    expect(text).toMatch(/2025-05-001 15\.08\.2025: .*uten skriftlig samarbeidsavtale/);
  });

  it('lists every yellow and red item with its comment and action, the decisions and the supplements', () => {
    expect(headings(doc)).toEqual([
      'Forslag til vedtak',
      'Saksopplysninger',
      'Porteføljen',
      'Økonomi per prosjekt',
      'Utbetalinger uten skriftlig avtale',
      'Gule og røde forhold',
      '2025-05-001 Agdermodellen – barn og unges helsetjenester innen psykisk helse',
      '2025-05-002 Skrøpelige eldre 65+ – delt datasenter Østre Agder / SSHF',
      'Forfalte og manglende rapporter',
      'Saker SSU bes ta stilling til',
      'Tilleggsbevillinger til orientering',
    ]);
    expect(text).toContain('Risiko: Rød');
    expect(text).toContain('Kommentar: Fastlegene i to regioner deltar ennå ikke');
    expect(text).toContain('Avvik og tiltak: Forløpet for spiseforstyrrelser er forsinket');
    expect(text).toContain('SSU bes ta stilling til å forlenge prosjektperioden til 31.12.2026.');
    expect(text).toContain('Ingen rapporter er på etterskudd.');
    expect(text).toContain(`15.10.2025\t60${NB}000\tPorteføljesekretariatet`);
    expect(text).not.toContain('eksempel');
  });

  it('lists overdue reports with their original due date and how late they are', () => {
    const late = toPlainText(buildBoardStatus(example('2026-10-11'), { date: day('2026-10-11') }));
    expect(late).toContain(
      '2025-05-001 Agdermodellen – barn og unges helsetjenester innen psykisk helse: sluttrapport med frist 30.09.2026, 11 dager over fristen.',
    );
  });

  it('states the portfolio as it stood on its day: later allocations, withdrawals and extensions are left out', () => {
    const asOf = { date: day('2025-11-01'), meetingDate: '2025-11-10', caseNumber: '40-2025' };
    const later = checkWorkbook(withLaterDecisions(), { today: day('2026-01-20') });
    const plain = checkWorkbook(exampleWorkbook(), { today: day('2026-01-20') });
    expect(toPlainText(buildBoardStatus(later, asOf))).toBe(toPlainText(buildBoardStatus(plain, asOf)));
    // From the day they are decided, they count.
    const after = buildBoardStatus(later, { ...asOf, date: day('2025-12-15') });
    const economy = tables(after)[2]!;
    expect(economy.rows.find((r) => r[0] === '2025-05-002')![1]).toBe(`575${NB}000`);
  });

  it('shows a closed project as closed', () => {
    const values = exampleWorkbook();
    const apps = values['Søknader']!;
    const status = apps[0]!.indexOf('Status');
    const row = apps.findIndex((r) => r[0] === '2025-05-002');
    apps[row]![status] = 'Avsluttet';
    const closed = buildBoardStatus(checkWorkbook(values, { today: day('2026-05-15') }), options);
    const portfolio = tables(closed)[1]!;
    expect(portfolio.rows.find((r) => r[0] === '2025-05-002')!.at(-1)).toBe('Avsluttet');
    expect(toPlainText(closed)).toContain('1 prosjekt er avsluttet og vises som avsluttet.');
    expect(toPlainText(closed)).toContain('for 1 prosjekt med tilskudd som ikke er avsluttet');
  });

  it('does not yet count a report received after the day', () => {
    const before = buildBoardStatus(example('2026-04-29'), { date: day('2026-04-29') });
    expect(tables(before)[1]!.rows[1]!.slice(2, 7)).toEqual(['Grønn', 'Gul', 'Grønn', 'Gul', '28.10.2025']);
  });

  it('speaks English', () => {
    const en = buildBoardStatus(example('2026-05-15'), { date: day('2026-05-15'), lang: 'en' });
    expect(en.title).toBe('Status report to SSU on 15.05.2026');
    expect(tables(en)[1]!.rows[1]!.slice(2, 6)).toEqual(['Yellow', 'Green', 'Red', 'Red']);
  });

  it('says so when there is nothing to report', () => {
    const empty = toPlainText(
      buildBoardStatus(checkWorkbook(workbookValues(book()), { today: day('2025-09-01') }), {
        date: day('2025-09-01'),
      }),
    );
    expect(empty).toContain('Samlet lys: 0 grønne, 0 gule, 0 røde; 1 prosjekt uten rapport ennå.');
    expect(empty).toContain('Ingen prosjekter har gult eller rødt lys.');
    expect(empty).toContain('Prosjektene ber ikke om beslutninger.');
    expect(empty).toContain('Ingen utbetalinger er gjort uten skriftlig avtale.');
  });
});

/** The money table adds up: allocated = paid against it + unused + carried − paid beyond it. */
function expectMoneyAddsUp(doc: DocModel) {
  const rows = tables(doc)[2]!.rows;
  const amount = (label: string) => {
    const row = rows.find((r) => r[0]!.startsWith(label));
    return row ? Number(row[1]!.replace(/[^\d−-]/g, '').replace('−', '-')) : 0;
  };
  expect(amount('Tildelt for 2025 per')).toBe(
    amount('Utbetalt mot tildelingen') +
      amount('Tildelt for 2025, ubrukt') +
      amount('Tildelt for 2025, ikke utbetalt') -
      amount('Utbetalt mer enn tildelt'),
  );
}

describe('Årlig melding', () => {
  it('has the frame and key with what was allocated per category in the year', () => {
    const doc = buildAnnualReport(example('2027-01-15'), { year: 2025 });
    expect(doc.title).toBe('Årlig melding 2025');
    expect(tables(doc)[1]!.rows).toEqual([
      ['Kategori', 'Nøkkel', 'Nøkkelbeløp', 'Tildelt 2025 per 31.12.2025'],
      ['Innovasjon/prosjekt', '80 %', `7${NB}328${NB}000 kr`, `1${NB}080${NB}000 kr`],
      ['Administrasjon', '5 %', `458${NB}000 kr`, `939${NB}829 kr`],
      ['Samdrift/tiltak', '15 %', `1${NB}374${NB}000 kr`, `0 kr`],
      ['Rammen', '100 %', `9${NB}160${NB}000 kr`, `2${NB}019${NB}829 kr`],
    ]);
  });

  it("names the year's payments made without a written agreement, and only the year's", () => {
    const y2025 = buildAnnualReport(example('2027-01-15'), { year: 2025 });
    expect(headings(y2025)).toContain('Utbetalinger uten skriftlig avtale');
    expect(toPlainText(y2025)).toMatch(/2025-05-001 15\.08\.2025: .*uten skriftlig samarbeidsavtale/);
    expect(toPlainText(buildAnnualReport(example('2027-01-15'), { year: 2026 }))).toContain(
      'Ingen utbetalinger er gjort uten skriftlig avtale.',
    );
  });

  it('describes each project from its reports up to 31 December, and the granted period', () => {
    const doc = buildAnnualReport(example('2027-01-15'), { year: 2026 });
    const text = toPlainText(doc);
    expect(headings(doc)).toContain(
      'Agdermodellen – barn og unges helsetjenester innen psykisk helse (2025-05-001)',
    );
    expect(text).toContain(
      'Effekter mot indikatorene\tBaseline: 0 av 3 forløp i bruk. Nå: 2 av 3 i bruk i to regioner.',
    );
    expect(text).toContain('Læringspunkter\tForløp som utvikles sammen med brukerne tas raskere i bruk.');
    expect(text).toContain('Potensial for spredning\tForløpene kan tas i bruk i alle regioner');
    expect(text).toContain(`Tildelt 2026 per 31.12.2026\t665${NB}000 kr`);
    // The data centre's money is all in 2025, so 2026 does not list it.
    expect(text).not.toContain('(2025-05-002)');
    const y2025 = toPlainText(buildAnnualReport(example('2027-01-15'), { year: 2025 }));
    expect(y2025).toContain('Periode\taugust 2025–desember 2025');
    expect(y2025).toContain('Avsluttede prosjekter og sluttrapporter');
  });

  it('lists closed projects and final reports with their receiving unit and benefit owner', () => {
    const values = exampleWorkbook();
    // The data centre's pre-project money counted in 2025; its final report came in February 2026, and
    // the annual report is written in March.
    const result = checkWorkbook(values, { today: day('2026-03-01') });
    // By default from the reports of the year itself: the final report is not in yet.
    expect(toPlainText(buildAnnualReport(result, { year: 2025 }))).toContain(
      'Ingen av årets prosjekter er avsluttet eller har levert sluttrapport.',
    );
    const doc = buildAnnualReport(result, { year: 2025, date: day('2026-03-01') });
    const closed = tables(doc).at(-1)!;
    expect(closed.rows).toEqual([
      ['Sak', 'Mottaker i drift', 'Gevinsteier', 'Klar for drift'],
      [
        '2025-05-002',
        'Østre Agder-samarbeidet, analyseenheten',
        'Kommunalsjef helse i vertskommunen (rolle)',
        'Nei',
      ],
    ]);
  });

  const report = (date: string) => buildAnnualReport(example(date), { year: 2025, date: day(date) });

  it('names sender, recipient, period and date from the settings', () => {
    expect(tables(report('2026-01-20'))[0]!.rows).toEqual([
      [
        'Fra',
        'Sørlandet sykehus HF, som forvalter tilskuddet, utarbeidet av sekretariatet for Helsefellesskapet Agder',
      ],
      ['Til', 'Helse Sør-Øst RHF'],
      ['Periode', 'Budsjettåret 2025 (01.01.2025–31.12.2025)'],
      ['Dato', '20.01.2026'],
    ]);
    expect(report('2026-01-20').footer!.pages).toEqual({ page: 'Side', of: 'av' });
  });

  it('gives each answer the date of the report it comes from, the follow-up status and the priority areas', () => {
    const text = toPlainText(report('2027-01-15'));
    expect(text).toContain(
      'Læringspunkter\tForløp som utvikles sammen med brukerne tas raskere i bruk. (rapport 30.04.2026)',
    );
    expect(text).toContain('Prioriterte områder\tBarn og unge; Integrert psykisk helse- og rustjeneste');
    expect(text).toContain('Status\tSluttrapport mottatt, ikke avsluttet');
    expect(text).not.toContain('Status\tInnvilget');
    // Before any report came in, it says so with the day.
    expect(toPlainText(report('2025-09-01'))).toContain('Læringspunkter\tIkke rapportert per 01.09.2025.');
  });

  it('has the money: frame, allocated, paid by date, unused, withdrawn, carried, administration against its key', () => {
    const doc = report('2027-01-15');
    expect(tables(doc)[2]!.rows).toEqual([
      ['Hva', 'Beløp per 15.01.2027'],
      ['Ramme 2025', `9${NB}160${NB}000 kr`],
      ['Tildelt for 2025 per 15.01.2027', `2${NB}019${NB}829 kr`],
      ['Utbetalt i 2025 (etter betalingsdato)', `1${NB}499${NB}829 kr`],
      ['Utbetalt mot tildelingen for 2025', `1${NB}414${NB}829 kr`],
      ['Utbetalt mer enn tildelt for 2025', `20${NB}000 kr`],
      ['Tildelt for 2025, ubrukt (prosjektet og fristen er ute)', `625${NB}000 kr`],
      ['Inndratt for 2025 per 15.01.2027', '0 kr'],
      ['Tildelt for 2025, ikke utbetalt (overføres)', '0 kr'],
      ['Ikke tildelt av rammen for 2025', `7${NB}140${NB}171 kr`],
    ]);
    // 2 019 829 = 1 414 829 + 625 000 + 0 − 20 000, and the text says why paid by date differs.
    expectMoneyAddsUp(doc);
    expect(toPlainText(doc)).toContain(
      'Utbetalt i 2025 etter betalingsdato skiller seg fra utbetalt mot tildelingen for 2025',
    );
    expect(toPlainText(doc)).toContain(
      `Administrasjon: 939${NB}829 kr (10,3${NB}% av rammen) mot nøkkelens 5${NB}% (458${NB}000 kr). Det er 481${NB}829 kr over nøkkelen. Grunnlag: SSU 18-2025 (sekretariat).`,
    );
  });

  it('counts the money paid up to its date, and says so, both in total and per project', () => {
    const values = exampleWorkbook();
    const pays = values['Utbetalinger']!;
    const col = (name: string) => (pays[0] as string[]).indexOf(name);
    // A second payment to Agdermodellen after the autumn status of 1 November.
    const later = pays[0]!.map(() => '') as unknown[];
    later[col('Saksnr')] = '2025-05-001';
    later[col('Dato')] = day('2025-12-10');
    later[col('Beløp')] = 300_000;
    pays.push(later);
    const result = checkWorkbook(values, { today: day('2026-01-20') });
    const autumn = buildAnnualReport(result, { year: 2025, date: day('2025-11-01') });
    const text = toPlainText(autumn);
    // 560 000 on 15 August counts; 300 000 on 10 December is after the report's date.
    expect(text).toContain(`Utbetalt i alt per 01.11.2025\t560${NB}000 kr`);
    // The year's paid money, by payment date up to 1 November: 560 000 + 469 915 + 469 914.
    expect(tables(autumn)[2]!.rows[3]).toEqual([
      'Utbetalt i 2025 (etter betalingsdato)',
      `1${NB}499${NB}829 kr`,
    ]);
    // By 31 December both payments count.
    const year = toPlainText(buildAnnualReport(result, { year: 2025, date: day('2025-12-31') }));
    expect(year).toContain(`Utbetalt i alt per 31.12.2025\t860${NB}000 kr`);
  });

  it('as of a day leaves out allocations, supplements, withdrawals and extensions dated after it, in every table', () => {
    const later = checkWorkbook(withLaterDecisions(), { today: day('2026-01-20') });
    const plain = checkWorkbook(exampleWorkbook(), { today: day('2026-01-20') });
    const autumn = { year: 2025, date: day('2025-11-01') };
    const doc = buildAnnualReport(later, autumn);
    expect(toPlainText(doc)).toBe(toPlainText(buildAnnualReport(plain, autumn)));
    expect(tables(doc)[1]!.rows.at(-1)).toEqual([
      'Rammen',
      '100 %',
      `9${NB}160${NB}000 kr`,
      `2${NB}019${NB}829 kr`,
    ]);
    expect(tables(doc)[2]!.rows[0]).toEqual(['Hva', 'Beløp per 01.11.2025']);
    expect(tables(doc)[2]!.rows[2]).toEqual(['Tildelt for 2025 per 01.11.2025', `2${NB}019${NB}829 kr`]);
    expect(tables(doc)[2]!.rows).toContainEqual(['Inndratt for 2025 per 01.11.2025', '0 kr']);
    expect(toPlainText(doc)).toContain('Periode\taugust 2025–desember 2025');
    // By the end of the year all three count: + 100 000 − 50 000, and the data centre runs to June 2026.
    const year = buildAnnualReport(later, { year: 2025, date: day('2025-12-31') });
    expect(tables(year)[1]!.rows.at(-1)![3]).toBe(`2${NB}069${NB}829 kr`);
    expect(tables(year)[2]!.rows[2]).toEqual(['Tildelt for 2025 per 31.12.2025', `2${NB}069${NB}829 kr`]);
    expect(tables(year)[2]!.rows).toContainEqual(['Inndratt for 2025 per 31.12.2025', `50${NB}000 kr`]);
    expectMoneyAddsUp(year);
    expectMoneyAddsUp(doc);
    expect(toPlainText(year)).toContain('Periode\taugust 2025–juni 2026');
  });

  it('lists what is missing before it is written, and in the report', () => {
    const gaps = annualReportGaps(example('2027-01-15'), { year: 2025, date: day('2027-01-15') });
    expect(gapLines(gaps, 'nb')).toEqual([
      '2025-05-001 Agdermodellen – barn og unges helsetjenester innen psykisk helse: sluttrapport, egenandel',
      '2025-05-002 Skrøpelige eldre 65+ – delt datasenter Østre Agder / SSHF: egenandel',
    ]);
    const early = annualReportGaps(example('2025-11-01'), { year: 2025, date: day('2025-11-01') });
    expect(early.find((g) => g.caseId === '2025-05-001')!.missing.map((m) => m.nb)).toContain(
      'læringspunkter',
    );
    expect(headings(report('2027-01-15'))).toContain('Opplysninger som mangler');
  });
});
