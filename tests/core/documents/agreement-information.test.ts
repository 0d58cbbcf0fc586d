import { buildAgreement } from '../../../src/core/documents/agreement';
import { toHtml } from '../../../src/core/documents/html';
import { buildInformation } from '../../../src/core/documents/information';
import { buildRegionReport } from '../../../src/core/documents/region';
import { toPlainText as plainText } from '../../../src/core/documents/text';
import type { DocModel } from '../../../src/core/documents/model';

// Amounts are written with no-break spaces; the expectations with ordinary ones.
const toPlainText = (doc: DocModel) => plainText(doc).replace(/[\u00a0\u202f]/g, ' ');
import { inputByMeasure, readRegionalInput } from '../../../src/core/plan/regional-input';
import { AGREEMENT_PARTIES, REGIONAL_INPUT } from '../../../src/core/workbook/contract';
import { checkWorkbook } from '../../../src/core/check/check';
import { parseSettings } from '../../../src/core/workbook/settings';
import { sheetRows } from '../../../src/example/agder';
import { CASE_ID, TODAY, book, check, withApplication, workbookValues } from '../builders';

describe('the agreement draft', () => {
  test('parties from the application, purpose, period, financing, patients placeholder, dates, terms, signatures', () => {
    const text = toPlainText(
      buildAgreement(check(book(withApplication({ steeringGroup: 'RS Østre Agder' }))), CASE_ID),
    );
    expect(text).toMatch(/^Samarbeidsavtale – Felles læringsnettverk/);
    for (const expected of [
      'Arendal\t[Org.nr]',
      'Sørlandet sykehus HF\t[Org.nr]',
      'Styringsgruppe\tRS Østre Agder',
      'Formålet med tilskuddet: Tilskuddet skal understøtte forpliktende samarbeid',
      'de prioriterte områdene: Skrøpelige eldre, Bedre samhandling',
      'perioden august 2025–juli 2026',
      'Tilskudd (SSU 30-2025)\t800 000 kr',
      'Egne ressurser, kommunene\t200 000 kr',
      'Egne ressurser, SSHF\t100 000 kr',
      'Sum\t1 100 000 kr',
      'Prosjektleder 50 %\t500 000 kr',
      '[Fyll inn der det er relevant: hvem av partene som har ansvaret for pasienten(e)',
      'Halvårsrapport innen 01.11.2025',
      'Halvårsrapport innen 01.05.2026',
      'Sluttrapport innen 30.09.2026',
      'Tilskuddet utbetales når samarbeidsavtalen er signert',
      'Midler som ikke er brukt',
      'Part\tSted og dato\tSignatur\tArkivref.',
    ])
      expect(text).toContain(expected);
  });

  test('a group of municipalities is no party: the named ones are listed, the group gets a line to fill in', () => {
    const result = check(
      book(withApplication({ municipalities: 'Alle 25 kommuner i Agder; Arendal kommune' })),
    );
    const text = toPlainText(buildAgreement(result, CASE_ID));
    expect(text).not.toMatch(/^Alle 25 kommuner i Agder\t/m);
    for (const expected of [
      'Arendal kommune\t[Org.nr]',
      '[Hver kommune i «Alle 25 kommuner i Agder» som egen part]\t[Org.nr]',
      'Sørlandet sykehus HF\t[Org.nr]',
      'Søknaden oppgir «Alle 25 kommuner i Agder» som part. Hver kommune er en egen part som signerer avtalen',
      '[Hver kommune i «Alle 25 kommuner i Agder» som egen part]\t\t\t',
    ])
      expect(text).toContain(expected);
    // The check warns about the same case, so the secretariat registers the parties first.
    expect(result.findings.filter((f) => f.rule === 'agreement-parties-unnamed').map((f) => f.ref)).toEqual([
      CASE_ID,
    ]);
  });

  test('the Avtaleparter sheet names the parties with their org.nr and archive references', () => {
    const values = {
      ...workbookValues(book()),
      [AGREEMENT_PARTIES.name]: sheetRows(AGREEMENT_PARTIES, [
        {
          caseId: CASE_ID,
          party: 'Arendal kommune',
          orgNumber: '964 965 226',
          archiveRef: '25/1234',
          signed: 'Ja',
        },
        { caseId: '2025-05-099', party: 'Annen part', archiveRef: '', signed: '' },
      ]),
    };
    const text = toPlainText(buildAgreement(checkWorkbook(values, { today: TODAY }), CASE_ID));
    expect(text).toContain('Arendal kommune\t964965226');
    expect(text).toContain('Arendal kommune\t\t\t25/1234');
    expect(text).not.toContain('Annen part');
    expect(text).not.toContain('Sørlandet sykehus HF\t[Org.nr]');
  });

  test('a case without an ordinary grant is refused with what to do', () => {
    expect(() => buildAgreement(check(book()), '2025-05-404')).toThrow(/har ingen ordinær tildeling/);
  });
});

describe('the information for applicants', () => {
  const settings = parseSettings([
    { key: 'Søknadsfrister', value: '1. mars; 15. september', row: 2 },
    { key: 'Skjemalenke', value: 'https://forms.example/soknad', row: 3 },
  ]);

  test('purpose, priorities, criteria, split key, deadlines, the form link and what happens after, from the settings', () => {
    const text = toPlainText(buildInformation(settings));
    for (const expected of [
      'Tilskuddet skal understøtte forpliktende samarbeid',
      'Barn og unge',
      'Kommunene og Sørlandet sykehus HF søker sammen',
      'Innovasjon/prosjekt\t80 %',
      'Administrasjon\t5 %',
      'Bidrar til tjenesteinnovasjon og bærekraft',
      'Størst potensial til å møte fremtidens tjenestebehov',
      'Søknadsfrist: 1. mars og 15. september.',
      'Søknaden sendes i søknadsskjemaet: https://forms.example/soknad',
      'Søknadsskjema for forprosjekt',
      'Samarbeidsavtale mellom partene',
      'Et tilsagn aksepteres innen 21 dager',
    ])
      expect(text).toContain(expected);
  });

  test('without a form link it says whom to ask', () => {
    const text = toPlainText(buildInformation(parseSettings([])));
    // No deadline days invented: the guidelines name the rounds' months only.
    expect(text).toContain(
      'Det er 2 søknadsrunder i året, i mai og desember. Fristen for hver runde kunngjøres av porteføljesekretariatet.',
    );
    expect(text).not.toContain('Søknadsfrist:');
    expect(text).toContain('Be om lenken fra porteføljesekretariatet');
  });

  test('HTML escapes everything a person typed', () => {
    const html = toHtml({
      title: 'A <b>&</b>',
      blocks: [
        { type: 'paragraph', content: ['<script>alert(1)</script>', { text: '"x"', bold: true }] },
        { type: 'table', rows: [['<td>', "o'k"]], header: true },
        { type: 'list', ordered: true, items: [['<li>']] },
      ],
    });
    expect(html).toContain('<title>A &lt;b&gt;&amp;&lt;/b&gt;</title>');
    expect(html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt;<strong>&quot;x&quot;</strong></p>');
    expect(html).toContain('<th>&lt;td&gt;</th><th>o&#39;k</th>');
    expect(html).toContain('<ol><li>&lt;li&gt;</li></ol>');
    expect(html).not.toContain('<script>');
  });
});

describe('the regions', () => {
  const values = {
    ...workbookValues(book(withApplication({ region: 'Lister', steeringGroup: 'RS Lister' }))),
    [REGIONAL_INPUT.name]: sheetRows(REGIONAL_INPUT, [
      {
        region: 'Setesdal',
        nr: '1.1.1',
        assessment: 'Rød',
        comment: 'Ikke startet hos oss',
        date: '2025-10-01',
      },
      { region: 'Lister', nr: '1.1.1', assessment: 'Gul', comment: 'I gang', date: '2025-10-02' },
      { region: 'Lister', nr: '2.1.1', assessment: '', comment: 'Trenger tydeligere indikator' },
      { region: 'Lister', nr: '3.1.1', assessment: 'Rød', comment: 'Uten kode', check: 'Ubekreftet' },
      { region: 'Lister', nr: '', comment: 'uten tiltak' },
    ]),
  };

  test("inputByMeasure groups each region's input under its measure, regions in order", () => {
    const input = readRegionalInput(values);
    expect(input).toHaveLength(4);
    const byMeasure = inputByMeasure(input);
    expect([...byMeasure.keys()].sort()).toEqual(['1.1.1', '2.1.1', '3.1.1']);
    expect(byMeasure.get('1.1.1')!.map((x) => [x.region, x.assessment])).toEqual([
      ['Lister', 'yellow'],
      ['Setesdal', 'red'],
    ]);
  });

  test('the per-region report lists its projects with their steering group and only its own input', () => {
    const result = checkWorkbook(values, { today: TODAY });
    const text = toPlainText(
      buildRegionReport(result, readRegionalInput(values), { region: 'lister', date: TODAY }),
    );
    expect(text).toContain(`${CASE_ID}\tFelles læringsnettverk`);
    expect(text).toContain('RS Lister');
    expect(text).toContain('1.1.1\tGul\tI gang');
    expect(text).toContain('3.1.1\tRød (ubekreftet)\tUten kode');
    expect(text).not.toContain('Ikke startet hos oss');
  });
});
