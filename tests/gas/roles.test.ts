import { PERMISSIONS, accessError, type Action } from '../../src/core/access/roles';
import { MEMBERS_SHEET } from '../../src/core/workbook/contract';
import { exampleWorkbook, sheetRows } from '../../src/example/agder';
import { menuFunctionNames } from '../../src/gas/entry/menu';
import { ENDPOINTS, PAGES } from '../../src/seam/api';
import { PROTECTED } from './fakes/spreadsheet-range';
import { loadBundle } from './sandbox';

/**
 * Roles that hold: every menu item and endpoint asks the role table for the action the issue names, and
 * the sheets that decide rights (`Medlemmer`) or record them (`Logg`, `Vurderinger`, `Dokumenter`) are
 * protected by Google, not by a warning.
 */
const PEOPLE = {
  leader: 'leder@example.no',
  secretary: 'sekretar@example.no',
  secretariat: 'sekretariat@example.no',
  userRep: 'bruker@example.no',
  reader: 'leser@example.no',
  rs: 'rs@example.no',
} as const;
const STRANGER = 'fremmed@example.no';

const MEMBER_ROWS = [
  { name: 'Leder', email: PEOPLE.leader, role: 'Leder' },
  { name: 'Sekretær', email: PEOPLE.secretary, role: 'Sekretær' },
  { name: 'Sekretariatet', email: PEOPLE.secretariat, role: 'Sekretariat' },
  { name: 'Brukerrepresentant', email: PEOPLE.userRep, role: 'Brukerrepresentant' },
  { name: 'Leser', email: PEOPLE.reader, role: 'Leser' },
  { name: 'RS Lister', email: PEOPLE.rs, role: 'RS', region: 'Lister' },
];

function desk(members = MEMBER_ROWS) {
  const sb = loadBundle({ activeUser: PEOPLE.leader });
  for (const [name, rows] of Object.entries(exampleWorkbook())) sb.spreadsheet.addSheet(name, rows);
  if (members.length > 0) sb.spreadsheet.addSheet(MEMBERS_SHEET.name, sheetRows(MEMBERS_SHEET, members));
  // Everyone here can edit the spreadsheet itself (it is shared with them): only protections hold them back.
  sb.spreadsheet.share(...Object.values(PEOPLE), STRANGER);
  return sb;
}

type Sb = ReturnType<typeof desk>;
/** A sheet's rows with content (set-up formats whole columns, so sheetData also holds blank rows). */
const rowsOf = (sb: Sb, name: string) =>
  sb.spreadsheet.sheetData(name).values.filter((r) => r.some((v) => v !== ''));
const membersOf = (sb: Sb) => rowsOf(sb, MEMBERS_SHEET.name);
const refusal = (sb: Sb, email: string, action: Action) =>
  accessError(email, membersOf(sb), action)?.reason.nb ?? null;

/** The action each menu item and endpoint must ask for (the table, written out independently). */
const MENU_ACTIONS: Record<string, Action> = {
  setupWorkbook: 'settings',
  createForm: 'intake',
  registerMissingResponses: 'intake',
  checkPortfolio: 'check',
  createMemo: 'documents',
  createLetters: 'documents',
  createAgreement: 'documents',
  publishOverview: 'documents',
  createBoardStatus: 'documents',
  createAnnualReport: 'documents',
  openSupplementDialog: 'money',
  openFindings: 'read',
  openAssessment: 'read',
  openDashboard: 'read',
  openPlan: 'read',
  numberPlan: 'plan',
  savePlanReview: 'plan',
  createPlanReview: 'documents',
  createStatusForm: 'intake',
  createInputForm: 'regionalInput',
  showRegionLinks: 'regionalInput',
  showReminders: 'read',
  approveFinalReport: 'closeProject',
  openFollowUp: 'read',
  openPaymentDialog: 'money',
  openSetupWizard: 'settings',
  aboutTilskudd: 'read',
  runDiagnosis: 'diagnose',
  openDecisionsDialog: 'decide',
  createProtocol: 'documents',
};
const ENDPOINT_ACTIONS: Record<(typeof ENDPOINTS)[number], Action> = {
  assessmentLoad: 'read',
  assessmentSave: 'assess',
  assessmentOverride: 'boardRanking',
  dashboardLoad: 'read',
  findingsLoad: 'read',
  findingsRecheck: 'check',
  findingsSelect: 'read',
  findingsSelection: 'read',
  supplementLoad: 'money',
  supplementRegister: 'money',
  planLoad: 'read',
  followUpLoad: 'read',
  followUpSelect: 'read',
  paymentLoad: 'money',
  paymentRegister: 'money',
  withdrawalRegister: 'money',
  wizardLoad: 'settings',
  wizardSave: 'settings',
  wizardForm: 'settings',
  decisionsLoad: 'decide',
  decisionsRegister: 'decide',
};

const everyone = [...Object.entries(PEOPLE), ['stranger', STRANGER]] as Array<[string, string]>;
const allowed = (who: string, action: Action) =>
  (PERMISSIONS[action].roles as readonly string[]).includes(who);

describe('every menu item and endpoint × every role', () => {
  test('the tables above name every menu item and endpoint', () => {
    const menuFns = menuFunctionNames();
    expect(Object.keys(MENU_ACTIONS).sort()).toEqual([...menuFns].sort());
    expect(Object.keys(ENDPOINT_ACTIONS).sort()).toEqual([...ENDPOINTS].sort());
    for (const page of Object.values(PAGES)) expect(MENU_ACTIONS[page.opener]).toBe(page.action);
  });

  const menuCases = everyone.flatMap(([who, email]) =>
    Object.entries(MENU_ACTIONS).map(([fn, action]) => [fn, who, email, action] as const),
  );
  test.each(menuCases)('menu %s as %s', (fn, who, email, action) => {
    const sb = desk();
    const expected = refusal(sb, email, action);
    sb.ui.answerAlert();
    let thrown: unknown = null;
    sb.runAs({ email }, () => {
      try {
        sb.call(fn);
      } catch (e) {
        thrown = e; // an allowed action asked a question this test did not answer
      }
    });
    const refused = expected !== null && sb.ui.alerts[0]?.prompt === expected;
    expect(refused).toBe(!allowed(who, action));
    if (refused) expect(thrown).toBeNull();
  });

  const endpointCases = everyone.flatMap(([who, email]) =>
    Object.entries(ENDPOINT_ACTIONS).map(([fn, action]) => [fn, who, email, action] as const),
  );
  test.each(endpointCases)('endpoint %s as %s', (fn, who, email, action) => {
    const sb = desk();
    const expected = refusal(sb, email, action);
    const result = sb.runAs({ email }, () => sb.call<{ ok: boolean; error?: string }>(fn, {}));
    expect(expected !== null && result.ok === false && result.error === expected).toBe(!allowed(who, action));
  });
});

describe('protections that hold', () => {
  function setUp() {
    const sb = desk();
    sb.ui.answerAlert();
    sb.call('setupWorkbook');
    return sb;
  }

  test('set-up protects Medlemmer, Logg, Vurderinger and Dokumenter for real', () => {
    const sb = setUp();
    for (const name of ['Medlemmer', 'Logg', 'Vurderinger', 'Dokumenter']) {
      const [protection, ...more] = sb.spreadsheet.sheet(name).protections;
      expect(more).toHaveLength(0);
      expect(protection!.isWarningOnly()).toBe(false);
    }
    const editors = (name: string) =>
      sb.spreadsheet
        .sheet(name)
        .protections[0]!.getEditors()
        .map((u) => u.getEmail());
    expect(editors('Medlemmer').sort()).toEqual(['eier@example.no', PEOPLE.leader]);
    expect(editors('Vurderinger')).toContain(PEOPLE.userRep);
    expect(editors('Dokumenter')).not.toContain(PEOPLE.userRep);
    expect(editors('Logg')).not.toContain(PEOPLE.reader);
    expect(editors('Logg')).not.toContain(STRANGER);
  });

  test('a Leser (or any editor not in Medlemmer) changing their role in Medlemmer is refused by Google', () => {
    const sb = setUp();
    const roleCell = `C${MEMBER_ROWS.findIndex((m) => m.role === 'Leser') + 2}`;
    expect(() => sb.spreadsheet.typeAs(PEOPLE.reader, 'Medlemmer', roleCell, 'Leder')).toThrow(PROTECTED);
    expect(() => sb.spreadsheet.typeAs(STRANGER, 'Medlemmer', 'A9', STRANGER)).toThrow(PROTECTED);
    expect(() => sb.spreadsheet.typeAs(PEOPLE.reader, 'Logg', 'A2', 'rewritten')).toThrow(PROTECTED);
    expect(() => sb.spreadsheet.typeAs(PEOPLE.userRep, 'Dokumenter', 'A2', 'x')).toThrow(PROTECTED);
    expect(membersOf(sb)[MEMBER_ROWS.findIndex((m) => m.role === 'Leser') + 1]![2]).toBe('Leser');
    // The leader and the owner may.
    sb.spreadsheet.typeAs(PEOPLE.leader, 'Medlemmer', 'D2', 'SSHF');
    sb.spreadsheet.typeAs('eier@example.no', 'Medlemmer', 'D3', 'SSHF');
  });

  test('members still do their work through Tilskudd: a secretary checks (Logg), a user representative assesses', () => {
    const sb = setUp();
    sb.runAs({ email: PEOPLE.secretary }, () => sb.call('checkPortfolio'));
    const log = rowsOf(sb, 'Logg');
    expect(log.at(-1)).toContain(PEOPLE.secretary);
    const saved = sb.runAs({ email: PEOPLE.userRep }, () =>
      sb.call<{ ok: boolean }>('assessmentSave', { caseId: '2025-05-001', ground: 'family' }),
    );
    expect(saved).toMatchObject({ ok: true });
  });

  test('a member added after set-up is refused with what to do, and can write once set-up runs again', () => {
    const sb = setUp();
    const newcomer = 'ny@example.no';
    sb.spreadsheet.share(newcomer);
    sb.spreadsheet.typeAs(PEOPLE.leader, 'Medlemmer', 'A7', 'Ny');
    sb.spreadsheet.typeAs(PEOPLE.leader, 'Medlemmer', 'B7', newcomer);
    sb.spreadsheet.typeAs(PEOPLE.leader, 'Medlemmer', 'C7', 'Sekretær');
    sb.ui.answerAlert();
    sb.runAs({ email: newcomer }, () => sb.call('checkPortfolio'));
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/beskyttet ark.*Sett opp arbeidsboka på nytt/);
    sb.ui.answerAlert();
    sb.call('setupWorkbook');
    sb.runAs({ email: newcomer }, () => sb.call('checkPortfolio'));
    expect(rowsOf(sb, 'Logg').at(-1)).toContain(newcomer);
  });
});

describe('the first user becomes Leder only in a workbook never used', () => {
  test('an empty workbook: the first user becomes Leder', () => {
    const sb = desk([]);
    sb.ui.answerAlert();
    sb.runAs({ email: STRANGER }, () => sb.call('setupWorkbook'));
    expect(membersOf(sb)[1]).toContain(STRANGER);
  });

  test('an emptied Medlemmer next to a Logg with entries: refused with the reason, nobody made Leder', () => {
    const sb = desk([]);
    sb.spreadsheet.addSheet('Logg', [
      ['Tid', 'Bruker', 'Handling', 'Sak', 'Før', 'Etter'],
      ['2025-05-09', PEOPLE.leader, 'Kontroller portefølje', '', '', '0 feil'],
    ]);
    sb.spreadsheet.addSheet('Medlemmer', [['Navn', 'E-post', 'Rolle']]);
    sb.ui.answerAlert();
    sb.runAs({ email: STRANGER }, () => sb.call('setupWorkbook'));
    expect(sb.ui.alerts[0]!.prompt).toMatch(/«Medlemmer» er tomt, men «Logg» viser at arbeidsboka er i bruk/);
    expect(membersOf(sb)).toEqual([['Navn', 'E-post', 'Rolle']]);
  });
});

describe('a disqualified assessor sees nothing of how the case was assessed', () => {
  const CRITERIA = [
    'Størst potensial til å møte fremtidens tjenestebehov',
    'Løser spesifikke samhandlingsutfordringer',
    'Gjennomførbart med egenfinansiert personell eller ekstern finansiering',
    'Balansert total portefølje',
  ];
  const assessment = (caseId: string, ground: string, comment: string) => ({
    caseId,
    ground,
    selection: ['priority', 'innovation', 'benefit'].map((id) => ({ id, answer: 'yes', comment })),
    scores: CRITERIA.map((label) => ({ label, score: 4, comment })),
  });
  interface View {
    result: unknown;
    ranking: Array<{ caseId: string; finalRank: number | null }>;
    summary: { findings: Array<{ message: string }> } | null;
  }
  const load = (sb: Sb, email: string, caseId: string) =>
    sb.runAs({ email }, () => sb.call<{ ok: true; value: View }>('assessmentLoad', caseId)).value;

  test('no scores, results, ranks or grounds of that case; the others see them', () => {
    const sb = desk();
    for (const [email, caseId] of [
      [PEOPLE.leader, '2025-05-001'],
      [PEOPLE.leader, '2025-05-002'],
      [PEOPLE.secretary, '2025-05-001'],
    ] as const) {
      const saved = sb.runAs({ email }, () =>
        sb.call<{ ok: boolean }>('assessmentSave', assessment(caseId, 'none', `Begrunnelse fra ${email}`)),
      );
      expect(saved.ok).toBe(true);
    }
    // The secretary is disqualified for 2025-05-001 after all, and one more assessor declares a ground.
    sb.runAs({ email: PEOPLE.secretary }, () =>
      sb.call('assessmentSave', assessment('2025-05-001', 'family', '')),
    );
    sb.runAs({ email: PEOPLE.secretariat }, () =>
      sb.call('assessmentSave', assessment('2025-05-001', 'party', '')),
    );

    const hidden = load(sb, PEOPLE.secretary, '2025-05-001');
    expect(hidden.result).toBeNull();
    expect(hidden.ranking.map((r) => r.caseId)).not.toContain('2025-05-001');
    expect(hidden.ranking.every((r) => r.finalRank === null)).toBe(true);
    const text = JSON.stringify(hidden);
    expect(text).not.toContain(`Begrunnelse fra ${PEOPLE.leader}`);
    expect(text).not.toMatch(/Inhabil: part|sekretariat@example\.no/);
    // Viewing another case, the ranking still leaves the case out.
    const other = load(sb, PEOPLE.secretary, '2025-05-002');
    expect(other.result).not.toBeNull();
    expect(other.ranking.map((r) => r.caseId)).toEqual(['2025-05-002']);

    const seen = load(sb, PEOPLE.leader, '2025-05-001');
    expect(seen.result).toMatchObject({
      caseId: '2025-05-001',
      excluded: expect.arrayContaining([PEOPLE.secretary]),
    });
    expect(seen.ranking.map((r) => r.caseId)).toContain('2025-05-001');
    expect(seen.ranking.every((r) => r.finalRank !== null)).toBe(true);
  });
});

describe('a look-alike of a protected sheet decides nothing', () => {
  /** A stranger's own «name» put first, listing the stranger as Leder. */
  const lookAlike = (sb: Sb, name: string) => {
    sb.runAs({ email: STRANGER }, () => sb.fakes.SpreadsheetApp.getActiveSpreadsheet().insertSheet(name, 0));
    for (const [a1, text] of [
      ['A1', 'Navn'],
      ['B1', 'E-post'],
      ['C1', 'Rolle'],
      ['A2', 'Meg'],
      ['B2', STRANGER],
      ['C2', 'Leder'],
    ])
      sb.spreadsheet.typeAs(STRANGER, name, a1!, text!);
  };

  test.each([' Medlemmer', 'Members ', 'MEDLEMMER '])(
    'found by its own name, Medlemmer decides even with an unprotected «%s» first (spacing and case)',
    (name) => {
      const sb = desk();
      sb.ui.answerAlert();
      sb.call('setupWorkbook');
      lookAlike(sb, name);
      sb.calls.reset();
      const result = sb.runAs({ email: STRANGER }, () =>
        sb.call<{ ok: boolean; error?: string }>('supplementLoad', {}),
      );
      expect(result.ok).toBe(false);
      expect(result.error).not.toMatch(/flere ark/);
      // Asked for by its two names, not found by reading every sheet's name.
      expect(sb.calls.snapshot()['Sheet.getName'] ?? 0).toBe(0);
      expect(
        sb.runAs({ email: PEOPLE.leader }, () => sb.call<{ ok: boolean }>('supplementLoad', {})).ok,
      ).toBe(true);
    },
  );

  test.each([' Medlemmer', 'MEDLEMMER '])(
    'the check, which reads every sheet name at once, still lets Medlemmer decide beside «%s»; «Members» refuses',
    (name) => {
      const sb = desk();
      sb.ui.answerAlert();
      sb.call('setupWorkbook');
      lookAlike(sb, name);
      sb.calls.reset();
      const stranger = sb.runAs({ email: STRANGER }, () =>
        sb.call<{ ok: boolean; error?: string }>('findingsRecheck'),
      );
      expect(stranger.ok).toBe(false);
      expect(stranger.error).not.toMatch(/flere ark/);
      // Found by reading every name once, not asked for by name.
      expect(sb.calls.count('Spreadsheet.getSheetByName')).toBe(0);
      expect(sb.calls.count('Spreadsheet.getSheets')).toBe(1);
      expect(sb.runAs({ email: PEOPLE.leader }, () => sb.call<{ ok: boolean }>('findingsRecheck')).ok).toBe(
        true,
      );
      lookAlike(sb, 'Members');
      const refused = sb.runAs({ email: PEOPLE.leader }, () =>
        sb.call<{ ok: boolean; error?: string }>('findingsRecheck'),
      );
      expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/flere ark for «Medlemmer»/) });
    },
  );

  test('set-up gives a protected sheet found under another spelling its own name, so a look-alike under that name is refused', () => {
    const sb = desk([]);
    sb.spreadsheet.addSheet(' medlemmer', sheetRows(MEMBERS_SHEET, MEMBER_ROWS));
    sb.ui.answerAlert();
    sb.call('setupWorkbook');
    expect(sb.spreadsheet.sheetData('Medlemmer').values[1]).toContain(PEOPLE.leader);
    lookAlike(sb, 'Members');
    const result = sb.runAs({ email: STRANGER }, () =>
      sb.call<{ ok: boolean; error?: string }>('supplementLoad', {}),
    );
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/flere ark for «Medlemmer»/) });
  });

  test('an unprotected «Assessments» put in front of Vurderinger closes the assessment, not takes it over', () => {
    const sb = desk();
    sb.ui.answerAlert();
    sb.call('setupWorkbook');
    sb.runAs({ email: STRANGER }, () =>
      sb.fakes.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Assessments', 0),
    );
    const result = sb.call<{ ok: boolean; error?: string }>('assessmentLoad', {});
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/flere ark for «Vurderinger»/) });
  });

  test.each(['Members'])(
    'an editor not in Medlemmer who adds an unprotected «%s» first, listing themself as Leder, is still refused',
    (name) => {
      const sb = desk();
      sb.ui.answerAlert();
      sb.call('setupWorkbook');
      // Any editor of the spreadsheet may add a sheet and put it first; only Medlemmer is protected.
      sb.runAs({ email: STRANGER }, () =>
        sb.fakes.SpreadsheetApp.getActiveSpreadsheet().insertSheet(name, 0),
      );
      for (const [a1, text] of [
        ['A1', 'Navn'],
        ['B1', 'E-post'],
        ['C1', 'Rolle'],
        ['A2', 'Meg'],
        ['B2', STRANGER],
        ['C2', 'Leder'],
      ])
        sb.spreadsheet.typeAs(STRANGER, name, a1!, text!);
      sb.ui.answerAlert();
      sb.runAs({ email: STRANGER }, () => sb.call('openSupplementDialog'));
      expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/flere ark for «Medlemmer»/);
      const result = sb.runAs({ email: STRANGER }, () =>
        sb.call<{ ok: boolean; error?: string }>('supplementLoad', {}),
      );
      expect(result.ok).toBe(false);
      // Set-up by the chair refuses too, rather than protecting or reading the wrong sheet.
      sb.ui.answerAlert();
      sb.call('setupWorkbook');
      expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/flere ark for «Medlemmer»/);
    },
  );
});
