import { TilskuddError } from '../../../src/core/base/errors';
import { readPortfolio, type Portfolio } from '../../../src/core/portfolio/records';
import { DEFAULT_SETTINGS } from '../../../src/core/workbook/settings';
import {
  authorityFor,
  checkSupplement,
  grantedProjects,
  type Authority,
  type SupplementCheck,
} from '../../../src/core/money-flow/supplement';
import { exampleWorkbook } from '../../../src/example/agder';
import { CASE_ID, book, supplement, workbookValues, type Book } from '../builders';

/** `kr('40 001')` → the text formatMoney writes: NBSPs between groups and before `kr`. */
const kr = (amount: string) => `${amount.replace(/ /g, '\u00a0')}\u00a0kr`;

const AGDERMODELLEN = '2025-05-001';
const REASON = 'Økte reisekostnader til samlinger i alle regioner.';

const example = (): Portfolio => readPortfolio(exampleWorkbook());
const portfolioOf = (b: Book): Portfolio => readPortfolio(workbookValues(b));

function refusal(check: SupplementCheck): TilskuddError {
  if (check.ok) throw new Error(`expected a refusal, got ${check.amount} accepted`);
  return check.error;
}

function accepted(check: SupplementCheck): { amount: number; authority: Authority } {
  if (!check.ok) throw new Error(`expected acceptance, got: ${check.error.reason.en}`);
  return check;
}

describe('authorityFor', () => {
  it('counts the example supplement of Agdermodellen: 60 000 used of 100 000, 40 000 left', () => {
    expect(authorityFor(example(), AGDERMODELLEN)).toEqual({
      caseId: AGDERMODELLEN,
      title: 'Agdermodellen – barn og unges helsetjenester innen psykisk helse',
      granted: true,
      limit: 100_000,
      used: 60_000,
      left: 40_000,
      category: 'innovation',
    });
  });

  it('gives a granted project without supplements the whole limit', () => {
    expect(authorityFor(example(), '2025-05-002')).toMatchObject({ granted: true, used: 0, left: 100_000 });
  });

  it('takes the limit from the settings', () => {
    const b = book((x) => {
      x.settings = [{ key: 'Grense tilleggsbevilling', value: '250 000' }];
    });
    expect(authorityFor(portfolioOf(b), CASE_ID)).toMatchObject({ limit: 250_000, used: 0, left: 250_000 });
  });

  it('sums every supplement of the case and never leaves less than 0', () => {
    const b = book((x) => {
      x.allocations.push(supplement({ amount: '80 000' }), supplement({ amount: 40_000 }));
    });
    expect(authorityFor(portfolioOf(b), CASE_ID)).toMatchObject({ used: 120_000, left: 0 });
  });

  it('ignores supplements of other cases and supplements whose amount is not one', () => {
    const b = book((x) => {
      x.allocations.push(supplement({ caseId: '2025-05-011' }), supplement({ amount: '[Beløp]' }));
    });
    expect(authorityFor(portfolioOf(b), CASE_ID)).toMatchObject({
      used: 0,
      left: DEFAULT_SETTINGS.supplementLimit,
    });
  });

  it('knows a case with only a supplement, or no rows at all, is not granted', () => {
    const onlySupplement = book((x) => {
      x.allocations = [supplement()];
    });
    expect(authorityFor(portfolioOf(onlySupplement), CASE_ID)).toMatchObject({
      granted: false,
      used: 40_000,
      category: 'innovation',
    });
    expect(authorityFor(example(), '2099-05-001')).toEqual({
      caseId: '2099-05-001',
      title: '',
      granted: false,
      limit: 100_000,
      used: 0,
      left: 100_000,
      category: null,
    });
  });

  it("takes the category from the ordinary allocation before the application's", () => {
    const b = book((x) => {
      x.allocations[0] = { ...x.allocations[0], category: 'Samdrift/tiltak' };
    });
    expect(authorityFor(portfolioOf(b), CASE_ID).category).toBe('operations');
  });
});

describe('grantedProjects', () => {
  it('lists every case with an ordinary allocation once, in sheet order', () => {
    const projects = grantedProjects(example());
    expect(projects.map((a) => a.caseId)).toEqual([AGDERMODELLEN, '2025-05-002', 'ADM-2025']);
    expect(projects.every((a) => a.granted)).toBe(true);
  });

  it('gives each its authority: the secretariat row has no application but has its pot', () => {
    const [agdermodellen, , adm] = grantedProjects(example());
    expect(agdermodellen).toEqual(authorityFor(example(), AGDERMODELLEN));
    expect(adm).toMatchObject({ title: '', category: 'administration', used: 0, left: 100_000 });
  });

  it('leaves out cases with only supplements and allocations without a case id', () => {
    const b = book((x) => {
      x.allocations.push(supplement({ caseId: '2025-05-011' }));
      x.allocations.push({ ...x.allocations[0], caseId: '', amount: 1_000 });
      x.allocations.push({ ...x.allocations[0] });
    });
    expect(grantedProjects(portfolioOf(b)).map((a) => a.caseId)).toEqual([CASE_ID]);
  });

  it('is empty for an empty portfolio', () => {
    expect(grantedProjects(portfolioOf({ applications: [], budget: [], allocations: [] }))).toEqual([]);
  });
});

describe('checkSupplement', () => {
  it.each([
    ['the whole rest', 40_000, 40_000],
    ['the whole rest as text', '40 000', 40_000],
    ['kroner and øre', 'kr 39 999,50', 39_999.5],
    ['a small amount', 1, 1],
  ])('accepts %s (%j) for Agdermodellen', (_, input, amount) => {
    const result = accepted(checkSupplement(example(), AGDERMODELLEN, input, REASON));
    expect(result.amount).toBe(amount);
    expect(result.authority).toEqual(authorityFor(example(), AGDERMODELLEN));
  });

  it('returns the parsed amount and the category of the project', () => {
    const result = accepted(checkSupplement(example(), AGDERMODELLEN, '40 000 kr', REASON));
    expect(result.amount).toBe(40_000);
    expect(result.authority.category).toBe('innovation');
    expect(accepted(checkSupplement(example(), 'ADM-2025', 5_000, REASON)).authority.category).toBe(
      'administration',
    );
  });

  it('trims the case id', () => {
    expect(accepted(checkSupplement(example(), `  ${AGDERMODELLEN} `, 10_000, REASON)).authority.caseId).toBe(
      AGDERMODELLEN,
    );
  });

  it('refuses 40 001, naming what is used, the limit and what is left', () => {
    const error = refusal(checkSupplement(example(), AGDERMODELLEN, 40_001, REASON));
    expect(error.message).toBe(
      `${kr('40 001')} er over fullmakten: prosjektet har fått ${kr('60 000')} av ${kr('100 000')}, så ${kr('40 000')} gjenstår. Større beløp må vedtas av SSU.`,
    );
    expect(error.reason.en).toBe(
      `${kr('40 001')} is over the authority: the project has had ${kr('60 000')} of ${kr('100 000')}, so ${kr('40 000')} is left. Larger amounts need a board decision.`,
    );
  });

  it('refuses anything once the limit is used up', () => {
    const b = book((x) => {
      x.allocations.push(supplement({ amount: 100_000 }));
    });
    expect(refusal(checkSupplement(portfolioOf(b), CASE_ID, 1, REASON)).message).toContain(
      `så ${kr('0')} gjenstår`,
    );
  });

  it.each([
    ['a case without any allocation', '2099-05-001'],
    ['a case with only a supplement', CASE_ID],
  ])('refuses %s: only granted projects', (_, caseId) => {
    const b = book((x) => {
      x.allocations = [supplement()];
    });
    const error = refusal(checkSupplement(portfolioOf(b), caseId, 1_000, REASON));
    expect(error.message).toBe(
      `Sak «${caseId.trim()}» har ingen ordinær tildeling. Sekretariatet kan bare gi tilleggsbevilling til prosjekter SSU har innvilget.`,
    );
    expect(error.reason.en).toContain('has no ordinary grant');
  });

  it('refuses a blank case id even when an ordinary allocation lacks its case id', () => {
    const b = book((x) => {
      x.allocations.push({ ...x.allocations[0], caseId: '', amount: 1_000 });
    });
    const check = checkSupplement(portfolioOf(b), ' ', 1_000, REASON);
    expect(check.ok).toBe(false);
  });

  it.each([
    ['mye', 'Beløpet «mye» er ikke et beløp i kroner.'],
    ['[Beløp]', 'Beløpet «[Beløp]» er en plassholder, ikke et beløp.'],
    ['', 'Skriv inn beløpet.'],
  ])('refuses the amount %j, saying why', (amount, message) => {
    const error = refusal(checkSupplement(example(), AGDERMODELLEN, amount, REASON));
    expect(error.message).toBe(message);
    expect(error.reason.en).toMatch(/^(The amount |Enter the amount)/);
  });

  it.each([0, '0', '0 kr', -5_000, '-5 000'])(
    'refuses the amount %j: it must be greater than 0',
    (amount) => {
      const error = refusal(checkSupplement(example(), AGDERMODELLEN, amount, REASON));
      expect(error.message).toBe('Beløpet må være større enn 0.');
      expect(error.reason.en).toBe('The amount must be greater than 0.');
    },
  );

  it.each(['', '   ', '\n\t'])('refuses an empty reason %j, asking why the addition is needed', (reason) => {
    const error = refusal(checkSupplement(example(), AGDERMODELLEN, 10_000, reason));
    expect(error.message).toMatch(/^Skriv en begrunnelse/);
    expect(error.reason.en).toMatch(/^Give a reason/);
  });

  it('checks the grant before the amount, and the amount before the reason', () => {
    expect(refusal(checkSupplement(example(), '2099-05-001', 'mye', '')).message).toContain('ingen ordinær');
    expect(refusal(checkSupplement(example(), AGDERMODELLEN, 'mye', '')).message).toContain('«mye»');
    expect(refusal(checkSupplement(example(), AGDERMODELLEN, 50_000, '')).message).toContain(
      'over fullmakten',
    );
  });
});

describe('checkSupplement with an allocation of unknown kind', () => {
  it('refuses until the row is fixed, naming it', () => {
    const v = exampleWorkbook();
    const header = v['Tildelinger']![0] as string[];
    v['Tildelinger']![4]![header.indexOf('Art')] = 'Tilegg?';
    const check = checkSupplement(readPortfolio(v), '2025-05-001', 10_000, 'Begrunnelse');
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.error.message).toMatch(/Tildelinger rad 5 .*ukjent «Art» \(«Tilegg\?»\)/);
  });
});

describe('checkSupplement with a supplement whose amount cannot be read', () => {
  it('refuses until the row is fixed, naming it', () => {
    const v = exampleWorkbook();
    const header = v['Tildelinger']![0] as string[];
    v['Tildelinger']![4]![header.indexOf('Beløp')] = 'ca. 60 tusen';
    const check = checkSupplement(readPortfolio(v), '2025-05-001', 10_000, 'Begrunnelse');
    expect(check.ok ? '' : check.error.message).toMatch(/Tildelinger rad 5 .*beløp som ikke kan leses/);
  });
});
