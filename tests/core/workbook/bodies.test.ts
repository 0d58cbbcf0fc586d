import { decidingBody, genitiveOf, informedBody } from '../../../src/core/workbook/bodies';
import { DEFAULT_SETTINGS, parseSettings } from '../../../src/core/workbook/settings';

const settingsOf = (rows: Array<[string, string]>) =>
  parseSettings(rows.map(([key, value], i) => ({ key, value, row: i + 2 })));

describe('the deciding body and the body kept informed', () => {
  it('writes the genitive with s, and with an apostrophe after s, x and z', () => {
    expect(genitiveOf('porteføljestyret')).toBe('porteføljestyrets');
    expect(genitiveOf('SSU')).toBe('SSUs');
    expect(genitiveOf('PS')).toBe("PS'");
  });

  it("uses the short name inside a sentence unless the sheet says how (Agder's defaults)", () => {
    expect(decidingBody(DEFAULT_SETTINGS)).toEqual({
      name: 'Strategisk samarbeidsutvalg (SSU) - Helsefellesskapet Agder',
      short: 'SSU',
      inText: 'SSU',
      genitive: 'SSUs',
    });
    expect(informedBody(DEFAULT_SETTINGS).short).toBe('SSU');
  });

  it('reads a portfolio board, and the old name Råd/utvalg still', () => {
    const s = settingsOf([
      ['Råd/utvalg', 'Porteføljestyret'],
      ['Beslutningsorgan kortnavn', 'PS'],
      ['Beslutningsorgan i tekst', 'porteføljestyret'],
      ['Regionalt helseforetak', 'Helse Nord RHF'],
    ]);
    expect(decidingBody(s)).toEqual({
      name: 'Porteføljestyret',
      short: 'PS',
      inText: 'porteføljestyret',
      genitive: 'porteføljestyrets',
    });
    expect(s.regionalHealthAuthority).toBe('Helse Nord RHF');
  });
});
