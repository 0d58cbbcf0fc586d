import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TilskuddError } from '../../../src/core/base/errors';
import {
  DEFAULT_SETTINGS,
  frameFor,
  parseSettings,
  settingNames,
  settingsToRows,
  type Settings,
} from '../../../src/core/workbook/settings';

type Row = { key: unknown; value: unknown; row: number };

/** Rows as they would sit in the `Innstillinger` sheet: the header is row 1, data from row 2. */
const rows = (...pairs: Array<[key: unknown, value: unknown]>): Row[] =>
  pairs.map(([key, value], i) => ({ key, value, row: i + 2 }));

function settingsError(input: Row[]): TilskuddError {
  try {
    parseSettings(input);
  } catch (e) {
    expect(e).toBeInstanceOf(TilskuddError);
    return e as TilskuddError;
  }
  throw new Error('expected parseSettings to throw');
}

describe('DEFAULT_SETTINGS (Helsefellesskapet Agder)', () => {
  it('has the frame, split key, supplement limit and rounds of case 18-2025 and 47-2024', () => {
    expect(DEFAULT_SETTINGS.defaultFrame).toBe(9_160_000);
    expect(frameFor(DEFAULT_SETTINGS, 2024)).toBe(9_160_000);
    expect(frameFor(DEFAULT_SETTINGS, 2025)).toBe(9_160_000);
    expect(frameFor(DEFAULT_SETTINGS, 2031)).toBe(9_160_000);
    expect(DEFAULT_SETTINGS.key).toEqual({ innovation: 0.8, administration: 0.05, operations: 0.15 });
    expect(DEFAULT_SETTINGS.supplementLimit).toBe(100_000);
    expect(DEFAULT_SETTINGS.roundMonths).toEqual([5, 12]);
  });

  it('parses to the defaults from an empty sheet, without sharing state with them', () => {
    const parsed = parseSettings([]);
    expect(parsed).toEqual(DEFAULT_SETTINGS);
    parsed.frames['2030'] = 1;
    parsed.priorityAreas.push('Ny');
    expect(DEFAULT_SETTINGS.frames['2030']).toBeUndefined();
    expect(DEFAULT_SETTINGS.priorityAreas).not.toContain('Ny');
  });
});

describe('settingsToRows → parseSettings', () => {
  const roundTrip = (s: Settings) =>
    parseSettings(settingsToRows(s).map((r, i) => ({ key: r.key, value: r.value, row: i + 2 })));

  it('writes every setting with a description', () => {
    const written = settingsToRows(DEFAULT_SETTINGS);
    expect(written.map((r) => r.key)).toEqual(
      expect.arrayContaining([
        'Ramme',
        'Ramme 2025',
        'Nøkkel administrasjon',
        'Grense tilleggsbevilling',
        'Søknadsrunder',
      ]),
    );
    expect(written.every((r) => r.description.trim() !== '')).toBe(true);
    expect(written.find((r) => r.key === 'Nøkkel innovasjon/prosjekt')?.value).toBe('80 %');
    expect(written.find((r) => r.key === 'Søknadsrunder')?.value).toBe('mai; desember');
  });

  it('reads the written defaults back unchanged', () => {
    expect(roundTrip(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('reads back a health community with other numbers', () => {
    const other: Settings = {
      ...DEFAULT_SETTINGS,
      defaultFrame: 7_500_000,
      frames: { '2026': 8_000_000 },
      key: { innovation: 0.7, administration: 0.1, operations: 0.2 },
      supplementLimit: 50_000,
      roundMonths: [3, 10],
      regions: ['Nord', 'Sør'],
      priorityAreas: ['Barn og unge', 'Rehabilitering'],
      criteria: [{ label: 'Nytte', weight: 2 }],
      emailReceipt: true,
      hospitalTrust: 'Sykehuset Innlandet HF',
      hospitalTrustShort: 'SI',
      guidelinesCase: '12-2025',
      keyCase: '04-2026',
    };
    expect(roundTrip(other)).toEqual(other);
  });
});

describe('parseSettings overrides', () => {
  it('takes the hospital trust by its Norwegian or English setting names', () => {
    const s = parseSettings(
      rows(['Helseforetak', 'Sykehuset Innlandet HF'], ['Hospital trust short name', 'SI']),
    );
    expect([s.hospitalTrust, s.hospitalTrustShort]).toEqual(['Sykehuset Innlandet HF', 'SI']);
    expect([DEFAULT_SETTINGS.hospitalTrust, DEFAULT_SETTINGS.hospitalTrustShort]).toEqual([
      'Sørlandet sykehus HF',
      'SSHF',
    ]);
  });

  it('takes a frame for one budget year from «Ramme 2026»', () => {
    const s = parseSettings(rows(['Ramme 2026', 10_000_000]));
    expect(frameFor(s, 2026)).toBe(10_000_000);
    expect(frameFor(s, 2025)).toBe(9_160_000);
    expect(frameFor(s, 2027)).toBe(9_160_000);
  });

  it('uses «Ramme» for every year without its own line, so no Agder frame is left behind', () => {
    const s = parseSettings(rows(['Ramme', 7_500_000]));
    expect(frameFor(s, 2024)).toBe(7_500_000);
    expect(frameFor(s, 2025)).toBe(7_500_000);
    expect(frameFor(s, 2026)).toBe(7_500_000);
  });

  it('reads frames written as Norwegian money and English names', () => {
    const s = parseSettings(rows(['Frame', '8 000 000 kr'], ['frame 2027', '9,5 mill.']));
    expect(s.defaultFrame).toBe(8_000_000);
    expect(frameFor(s, 2027)).toBe(9_500_000);
  });

  it.each([['80 %'], ['80%'], ['0.8'], ['0,8'], ['80'], [80], [0.8], ['80,0 %']])(
    'reads the innovation key written as %p',
    (value) => {
      const s = parseSettings(rows(['Nøkkel innovasjon/prosjekt', value]));
      expect(s.key.innovation).toBeCloseTo(0.8, 10);
    },
  );

  it('reads a changed split key that still adds up to 100 %', () => {
    const s = parseSettings(
      rows(
        ['Nøkkel innovasjon/prosjekt', '75 %'],
        ['Nøkkel administrasjon', '10 %'],
        ['key operations', '15 %'],
      ),
    );
    expect(s.key).toEqual({ innovation: 0.75, administration: 0.1, operations: 0.15 });
  });

  it('reads the supplement limit, rounds, regions, priority areas and e-mail receipt', () => {
    const s = parseSettings(
      rows(
        ['Grense tilleggsbevilling', '150 000'],
        ['Søknadsrunder', 'mars; sept.'],
        ['Regioner', 'Nord; Sør'],
        ['Prioriterte områder', 'Barn og unge\nRehabilitering'],
        ['Kvittering på e-post', 'Ja'],
      ),
    );
    expect(s.supplementLimit).toBe(150_000);
    expect(s.roundMonths).toEqual([3, 9]);
    expect(s.regions).toEqual(['Nord', 'Sør']);
    expect(s.priorityAreas).toEqual(['Barn og unge', 'Rehabilitering']);
    expect(s.emailReceipt).toBe(true);
  });

  it('lets criteria from the sheet replace the default criteria as a whole', () => {
    const s = parseSettings(rows(['Vekt: Gevinst', 3], ['Weight: Gjennomførbarhet', '1,5']));
    expect(s.criteria).toEqual([
      { label: 'Gevinst', weight: 3 },
      { label: 'Gjennomførbarhet', weight: 1.5 },
    ]);
  });

  it('keeps the default criteria when the sheet gives none', () => {
    expect(parseSettings(rows(['Ramme', 9_000_000])).criteria).toEqual(DEFAULT_SETTINGS.criteria);
  });

  it('skips rows without a setting name', () => {
    expect(parseSettings(rows(['', 'noe'], [null, null]))).toEqual(DEFAULT_SETTINGS);
  });
});

describe('parseSettings errors', () => {
  it('names the row and the setting for an unknown key, and says what to do', () => {
    const e = settingsError(rows(['Ramme', 9_160_000], ['Budsjettramme', 1]));
    expect(e.reason.nb).toContain('Innstillinger rad 3');
    expect(e.reason.nb).toContain('«Budsjettramme»');
    expect(e.reason.nb).toMatch(/Rett navnet eller slett raden/);
    expect(e.reason.en).toContain('Settings row 3');
    expect(e.reason.en).toContain('"Budsjettramme"');
    expect(e.message).toBe(e.reason.nb);
  });

  it.each([
    ['Ramme', 'mye'],
    ['Ramme 2026', '[Beløp]'],
    ['Nøkkel administrasjon', 'fem'],
    ['Søknadsrunder', 'mai; foo'],
    ['Kvittering på e-post', 'kanskje'],
    ['Vekt: Gevinst', 'høy'],
    ['Ramme', -5],
    ['Ramme', 0],
    ['Grense tilleggsbevilling', '-100 000'],
    ['Nøkkel administrasjon', '150 %'],
  ])('names the row and the setting for %j = %p', (key, value) => {
    const e = settingsError(rows(['Regioner', 'Nord'], [key, value]));
    expect(e.reason.nb).toContain('Innstillinger rad 3');
    expect(e.reason.nb).toContain(`«${key}»`);
    expect(e.reason.en).toContain('Settings row 3');
    expect(e.reason.en).toContain(`"${key}"`);
  });

  it('keeps the default for a setting listed without a value', () => {
    const s = parseSettings([
      { key: 'Ramme', value: '', row: 2 },
      { key: 'Org.nr forvalter', value: '', row: 3 },
    ]);
    expect(s.defaultFrame).toBe(9_160_000);
    expect(s.funderOrgNumber).toBe('');
  });

  it('says what the split key adds up to when it is not 100 %', () => {
    const e = settingsError(rows(['Nøkkel administrasjon', '10 %']));
    expect(e.reason.nb).toContain('105 %');
    expect(e.reason.nb).toContain('ikke 100 %');
    expect(e.reason.nb).toContain('Nøkkel administrasjon');
    expect(e.reason.en).toContain('105 %');
    expect(e.reason.en).toMatch(/add up to/);
  });

  it('accepts a key sum off by rounding only', () => {
    const s = parseSettings(
      rows(
        ['Nøkkel innovasjon/prosjekt', '33,33 %'],
        ['Nøkkel administrasjon', '33,33 %'],
        ['Nøkkel samdrift/tiltak', '33,34 %'],
      ),
    );
    expect(s.key.operations).toBeCloseTo(0.3334, 10);
  });
});

describe('the settings table', () => {
  const names = settingNames();

  it('names each setting once, in Norwegian and English, each with its «Forklaring»', () => {
    const all = names.flatMap((n) => [n.nb, n.en, ...n.aliases].map((x) => x.toLowerCase()));
    expect(new Set(all).size).toBe(all.length);
    expect(names.every((n) => n.help.trim() !== '')).toBe(true);
  });

  it('reads every setting by its English name as by its Norwegian one', () => {
    const english = settingsToRows(DEFAULT_SETTINGS).map((r, i) => {
      const name = names.find(
        (n) => n.nb === r.key || (n.nb.endsWith('…') && r.key.startsWith(n.nb.slice(0, -1))),
      );
      const key = name!.nb.endsWith('…')
        ? name!.en.slice(0, -1) + r.key.slice(name!.nb.length - 1)
        : name!.en;
      return { key, value: r.value, row: i + 2 };
    });
    expect(parseSettings(english)).toEqual(DEFAULT_SETTINGS);
  });

  it('writes every setting the table has, and nothing it does not know', () => {
    const written = settingsToRows(DEFAULT_SETTINGS).map((r) => r.key);
    for (const n of names) {
      const prefix = n.nb.endsWith('…') ? n.nb.slice(0, -1) : null;
      expect([n.nb, written.some((w) => (prefix ? w.startsWith(prefix) : w === n.nb))]).toEqual([n.nb, true]);
    }
  });

  it('is documented: docs/workbook.md lists every setting by its Norwegian name', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/workbook.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Innstillinger'), doc.indexOf('## The example'));
    for (const n of names)
      expect([n.nb, section.includes(`\`${n.nb.replace('…', '')}`)]).toEqual([n.nb, true]);
  });

  it('refuses a value outside the setting’s range at its row', () => {
    const e = settingsError(rows(['Vekt: Gevinst', -1]));
    expect(e.reason.nb).toContain('Innstillinger rad 2');
    expect(e.reason.nb).toContain('«Vekt: Gevinst»');
    expect(settingsError(rows(['Regioner', ';'])).reason.nb).toContain('rad 2');
    expect(settingsError(rows(['Purring hver (dager)', 0])).reason.nb).toContain('rad 2');
  });
});
