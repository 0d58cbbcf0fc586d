import { accessError, isSecretariatRole } from '../../src/core/access/roles';
import { TilskuddError } from '../../src/core/base/errors';

const HEADER = ['Navn', 'E-post', 'Rolle', 'Organisasjon', 'Region'];

/** A `Medlemmer` sheet: header and one row per member. */
const members = (...rows: Array<[name: string, email: string, role: string]>): unknown[][] => [
  HEADER,
  ...rows.map(([name, email, role]) => [name, email, role, 'SSHF', 'Hele Agder']),
];

const MEMBER_ROWS: Array<[string, string, string]> = [
  ['Leder', 'leder@example.no', 'Leder'],
  ['Sekretær', 'sekretar@example.no', 'Sekretær'],
  ['Østre Agder', 'ostre@example.no', 'Sekretariat'],
  ['Brukerrepresentant', 'bruker@example.no', 'Brukerrepresentant'],
  ['Leser', 'leser@example.no', 'Leser'],
];
const MEMBERS = members(...MEMBER_ROWS);

/** The English message should read as English: no Norwegian quotes or words. */
function expectEnglish(error: TilskuddError): void {
  expect(error.reason.en).not.toMatch(/[«»æøåÆØÅ]|\b(?:arket|ikke|og|står|rollen|Medlemmer)\b/);
  expect(error.reason.nb).not.toMatch(/\b(?:the|sheet|is not|Members)\b/);
}

describe('accessError', () => {
  it.each([
    'Leder',
    'Sekretær',
    'Sekretariat',
    'Brukerrepresentant',
    'Chair',
    'Secretary',
    'Secretariat',
    'LEDER',
    'sekretær',
    'SEKRETÆR',
    'bRUKERrepresentant',
    '  Sekretariat  ',
    'Sekretær\u00a0',
    ' chair',
  ])('lets the secretariat role %j change data', (role) => {
    expect(accessError('kari@example.no', members(['Kari', 'kari@example.no', role]))).toBeNull();
  });

  it.each(['leder@example.no', 'sekretar@example.no', 'ostre@example.no', 'bruker@example.no'])(
    'lets %s in among the other members',
    (email) => {
      expect(accessError(email, MEMBERS)).toBeNull();
    },
  );

  it.each([
    ['an upper-case address', 'LEDER@EXAMPLE.NO', MEMBERS],
    ['a mixed-case sheet cell', 'kari@example.no', members(['Kari', 'Kari@Example.NO', 'Leder'])],
    ['spaces around the sheet cell', 'kari@example.no', members(['Kari', '  kari@example.no ', 'Leder'])],
  ])('matches the e-mail ignoring case and spacing: %s', (_, email, sheet) => {
    expect(accessError(email, sheet)).toBeNull();
  });

  it('finds the columns by header in any order, English headers too', () => {
    const sheet = [
      ['Role', 'Name', 'Email'],
      ['Secretary', 'Kari', 'kari@example.no'],
    ];
    expect(accessError('kari@example.no', sheet)).toBeNull();
  });

  it('gives a reader read-only access, naming the role', () => {
    const error = accessError('leser@example.no', MEMBERS);
    expect(error).toBeInstanceOf(TilskuddError);
    expect(error!.message).toBe(
      'leser@example.no har rollen «Leser» i arket «Medlemmer», som bare gir lesetilgang. Sekretariatet kan endre rollen.',
    );
    expect(error!.reason.en).toBe(
      'leser@example.no has the role "Leser" in the "Members" sheet, which only allows reading. The secretariat can change it.',
    );
    expectEnglish(error!);
  });

  it.each(['Leser', 'Reader', 'Medlem', 'Leder/Leser', 'Sekretærer', ''])(
    'gives the role %j read-only access',
    (role) => {
      const error = accessError('kari@example.no', members(['Kari', 'kari@example.no', role]));
      expect(error?.message).toContain('bare gir lesetilgang');
      expect(error?.reason.en).toContain('only allows reading');
    },
  );

  it('refuses an e-mail not in the sheet, saying how to get access', () => {
    const error = accessError('ukjent@example.no', MEMBERS);
    expect(error).toBeInstanceOf(TilskuddError);
    expect(error!.message).toBe(
      'ukjent@example.no står ikke i arket «Medlemmer». Be sekretariatet legge deg til med en sekretariatsrolle.',
    );
    expect(error!.reason.en).toBe(
      'ukjent@example.no is not in the "Members" sheet. Ask the secretariat to add you with a secretariat role.',
    );
    expectEnglish(error!);
  });

  it.each([
    ['a longer address', 'leder@example.no.evil'],
    ['a shorter address', 'leder@example'],
    ['the name instead of the address', 'Leder'],
  ])('does not match %s', (_, email) => {
    expect(accessError(email, MEMBERS)?.message).toContain('står ikke i arket');
  });

  it('refuses everyone when the sheet has no members', () => {
    expect(accessError('leder@example.no', [HEADER])?.message).toContain('står ikke i arket');
  });

  it('fails closed when the e-mail cannot be read', () => {
    const error = accessError('', MEMBERS);
    expect(error).toBeInstanceOf(TilskuddError);
    expect(error!.message).toMatch(/^Tilskudd kan ikke lese e-postadressen din/);
    expect(error!.message).toContain('endringer er derfor stengt');
    expect(error!.reason.en).toMatch(/^Tilskudd cannot read your e-mail address/);
    expect(error!.reason.en).toContain('changes are closed');
    expectEnglish(error!);
  });

  it.each([
    ['blank', ''],
    ['a space', ' '],
    ['a non-breaking space', '\u00a0'],
  ])('fails closed for an e-mail that is %s even when a secretariat row has no e-mail', (_, email) => {
    const sheet = members(['Ny brukerrepresentant', '', 'Brukerrepresentant'], ...MEMBER_ROWS);
    expect(accessError(email, sheet)).toBeInstanceOf(TilskuddError);
  });

  it('stops with the missing column when the sheet has no role column', () => {
    const sheet = [
      ['Navn', 'E-post'],
      ['Kari', 'kari@example.no'],
    ];
    expect(() => accessError('kari@example.no', sheet)).toThrow(/«Rolle»/);
  });
});

describe('isSecretariatRole', () => {
  it.each([
    ['Leder', true],
    ['Sekretær', true],
    ['Sekretariat', true],
    ['Brukerrepresentant', true],
    ['Chair', true],
    ['Secretary', true],
    ['Secretariat', true],
    [' SEKRETÆR ', true],
    ['Leser', false],
    ['Reader', false],
    ['', false],
    ['Leder ass.', false],
  ])('%j → %p', (role, expected) => {
    expect(isSecretariatRole(role)).toBe(expected);
  });
});
