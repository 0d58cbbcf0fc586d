import {
  DEFAULT_SETTINGS,
  checkWizard,
  checkWizardField,
  settingsToRows,
  wizardFields,
  wizardValues,
} from '../../../src/core/workbook/settings';

/** The set-up wizard's fields come from the settings table and are checked with the settings' own types. */
const rows = () =>
  settingsToRows(DEFAULT_SETTINGS).map((r, i) => ({ key: r.key, value: r.value, row: i + 2 }));

describe('the wizard over the settings table', () => {
  test('asks the flagged settings, a field per year of the frames, grouped in order', () => {
    const fields = wizardFields();
    const names = fields.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(['Helsefellesskap', 'Org.nr forvalter', 'Ramme 2025', 'Nøkkel administrasjon']),
    );
    expect(names).not.toContain('Dokumenter per dag');
    const groups = fields.map((f) => f.group);
    expect(groups).toEqual(
      [...groups].sort(
        (a, b) =>
          ['community', 'bodies', 'money', 'secretariat'].indexOf(a) -
          ['community', 'bodies', 'money', 'secretariat'].indexOf(b),
      ),
    );
    expect(fields.find((f) => f.name === 'Postadresse')!.required).toBe(false);
    expect(fields.find((f) => f.name === 'Ramme')!.required).toBe(true);
    expect(wizardValues(DEFAULT_SETTINGS)['Nøkkel innovasjon/prosjekt']).toBe('80 %');
  });

  test.each([
    ['Ramme', '9,16 mill.', 9_160_000],
    ['Ramme', 'kr 1 060 000,-', 1_060_000],
    ['Nøkkel administrasjon', '5', '5 %'],
    ['Nøkkel administrasjon', '0,05', '5 %'],
    ['Søknadsrunder', 'mai; des.', 'mai; desember'],
    ['Org.nr forvalter', '983 975 267', '983975267'],
    ['Postadresse', '', ''],
  ])('%s «%s» is written as %p', (name, typed, cell) => {
    expect(checkWizardField(name, typed)).toEqual({ ok: true, cell });
  });

  test.each([
    ['Ramme', 'ni millioner', /kan ikke leses/],
    ['Ramme', '', /må fylles ut/],
    ['Nøkkel administrasjon', '150 %', /kan ikke leses/],
    ['Helsefellesskap', ' ', /må fylles ut/],
    ['Dokumenter per dag', '250', /ukjent innstilling/],
    ['Ramme neste år', '1', /ukjent innstilling/],
  ])('%s «%s» is refused', (name, typed, reason) => {
    const checked = checkWizardField(name, typed);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.reason.nb).toMatch(reason);
  });

  test('changes only what differs from the sheet, and refuses keys that do not add up', () => {
    expect(checkWizard({ Ramme: '9 160 000', Helsefellesskap: 'Helsefellesskapet Agder' }, rows())).toEqual({
      changes: [],
      problems: [],
    });
    expect(checkWizard({ Ramme: '8 mill.' }, rows()).changes).toEqual([
      { name: 'Ramme', cell: 8_000_000, help: expect.any(String) },
    ]);
    const keys = checkWizard({ 'Nøkkel innovasjon/prosjekt': '70 %' }, rows());
    expect(keys.changes).toEqual([]);
    expect(keys.problems[0]!.nb).toMatch(/summerer til 90 %/);
  });
});
