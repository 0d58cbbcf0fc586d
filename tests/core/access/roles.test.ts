import {
  PERMISSIONS,
  accessError,
  may,
  parseRole,
  type Action,
  type Role,
} from '../../../src/core/access/roles';
import { TilskuddError } from '../../../src/core/base/errors';

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
    expect(accessError('kari@example.no', members(['Kari', 'kari@example.no', role]), 'assess')).toBeNull();
  });

  it.each(['leder@example.no', 'sekretar@example.no', 'ostre@example.no', 'bruker@example.no'])(
    'lets %s in among the other members',
    (email) => {
      expect(accessError(email, MEMBERS, 'assess')).toBeNull();
    },
  );

  it.each([
    ['an upper-case address', 'LEDER@EXAMPLE.NO', MEMBERS],
    ['a mixed-case sheet cell', 'kari@example.no', members(['Kari', 'Kari@Example.NO', 'Leder'])],
    ['spaces around the sheet cell', 'kari@example.no', members(['Kari', '  kari@example.no ', 'Leder'])],
  ])('matches the e-mail ignoring case and spacing: %s', (_, email, sheet) => {
    expect(accessError(email, sheet, 'assess')).toBeNull();
  });

  it('finds the columns by header in any order, English headers too', () => {
    const sheet = [
      ['Role', 'Name', 'Email'],
      ['Secretary', 'Kari', 'kari@example.no'],
    ];
    expect(accessError('kari@example.no', sheet, 'assess')).toBeNull();
  });

  it('gives a reader read-only access, naming the role', () => {
    const error = accessError('leser@example.no', MEMBERS, 'assess');
    expect(error).toBeInstanceOf(TilskuddError);
    expect(error!.message).toBe(
      'leser@example.no har rollen «Leser» i arket «Medlemmer», som ikke gir lov til å vurdere søknader. Det kan: Leder, Sekretær, Sekretariat, Brukerrepresentant. Lederen kan endre rollen.',
    );
    expect(error!.reason.en).toBe(
      'leser@example.no has the role "Leser" in the "Members" sheet, which does not allow you to assess applications. Allowed: Chair, Secretary, Secretariat, User representative. The chair can change the role.',
    );
    expectEnglish(error!);
  });

  it.each(['Leser', 'Reader', 'Medlem', 'Leder/Leser', 'Sekretærer', ''])(
    'gives the role %j read-only access',
    (role) => {
      const error = accessError('kari@example.no', members(['Kari', 'kari@example.no', role]), 'assess');
      expect(error?.message).toContain('som ikke gir lov til å vurdere søknader');
      expect(error?.reason.en).toContain('does not allow you to assess applications');
    },
  );

  it('refuses an e-mail not in the sheet, saying how to get access', () => {
    const error = accessError('ukjent@example.no', MEMBERS, 'assess');
    expect(error).toBeInstanceOf(TilskuddError);
    expect(error!.message).toBe(
      'ukjent@example.no står ikke i arket «Medlemmer». Be lederen legge deg til med en rolle.',
    );
    expect(error!.reason.en).toBe(
      'ukjent@example.no is not in the "Members" sheet. Ask the chair to add you with a role.',
    );
    expectEnglish(error!);
  });

  it.each([
    ['a longer address', 'leder@example.no.evil'],
    ['a shorter address', 'leder@example'],
    ['the name instead of the address', 'Leder'],
  ])('does not match %s', (_, email) => {
    expect(accessError(email, MEMBERS, 'assess')?.message).toContain('står ikke i arket');
  });

  it('refuses everyone when the sheet has no members', () => {
    expect(accessError('leder@example.no', [HEADER], 'assess')?.message).toContain('står ikke i arket');
  });

  it('fails closed when the e-mail cannot be read', () => {
    const error = accessError('', MEMBERS, 'assess');
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
    expect(accessError(email, sheet, 'assess')).toBeInstanceOf(TilskuddError);
  });

  it('stops with the missing column when the sheet has no role column', () => {
    const sheet = [
      ['Navn', 'E-post'],
      ['Kari', 'kari@example.no'],
    ];
    expect(() => accessError('kari@example.no', sheet, 'assess')).toThrow(/«Rolle»/);
  });
});

describe('parseRole', () => {
  it.each([
    ['Leder', 'leader'],
    ['Chair', 'leader'],
    [' SEKRETÆR ', 'secretary'],
    ['Secretary', 'secretary'],
    ['Sekretariat', 'secretariat'],
    ['Brukerrepresentant', 'userRep'],
    ['User representative', 'userRep'],
    ['Leser', 'reader'],
    ['Reader', 'reader'],
    ['RS', 'rs'],
    ['Regional council', 'rs'],
    ['', null],
    ['Leder ass.', null],
  ])('%j → %p', (cell, role) => {
    expect(parseRole(cell)).toBe(role);
  });
});

describe('the role table', () => {
  // Written out as the README prints it, so a change to the table is a deliberate change here too.
  const expected: Record<Action, Role[]> = {
    read: ['leader', 'secretary', 'secretariat', 'userRep', 'reader', 'rs'],
    assess: ['leader', 'secretary', 'secretariat', 'userRep'],
    check: ['leader', 'secretary', 'secretariat', 'userRep'],
    intake: ['leader', 'secretary', 'secretariat'],
    documents: ['leader', 'secretary', 'secretariat'],
    money: ['leader', 'secretary', 'secretariat'],
    plan: ['leader', 'secretary', 'secretariat'],
    decide: ['leader', 'secretary'],
    regionalInput: ['leader', 'secretary'],
    boardRanking: ['leader'],
    closeProject: ['leader'],
    settings: ['leader'],
    diagnose: ['leader'],
  };
  const roles: Role[] = ['leader', 'secretary', 'secretariat', 'userRep', 'reader', 'rs'];

  it.each(Object.keys(PERMISSIONS) as Action[])('%s: exactly the listed roles may', (action) => {
    expect(roles.filter((r) => may(r, action))).toEqual(expected[action]);
    expect(may(null, action)).toBe(false);
  });

  it('lets a user representative assess but not register money or override the ranking', () => {
    const sheet = members(['Bruker', 'bruker@example.no', 'Brukerrepresentant']);
    expect(accessError('bruker@example.no', sheet, 'assess')).toBeNull();
    expect(accessError('bruker@example.no', sheet, 'money')?.message).toContain('registrere penger');
    expect(accessError('bruker@example.no', sheet, 'boardRanking')?.message).toContain(
      'overstyre rangeringen',
    );
  });

  it('lets a reader read, and nothing else', () => {
    expect(accessError('leser@example.no', MEMBERS, 'read')).toBeNull();
    for (const action of Object.keys(PERMISSIONS) as Action[]) {
      if (action !== 'read') expect(accessError('leser@example.no', MEMBERS, action)).not.toBeNull();
    }
  });
});
