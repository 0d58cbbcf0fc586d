import { STATUS_REPORTS } from '../../src/core/workbook/contract';
import { exampleWorkbook, sheetRows } from '../../src/example/agder';
import { LEADER, deskWith, type Desk } from './desk-helpers';

/** Godkjenn sluttrapport in the sandbox: the chair closes a project on its final report, nobody else can. */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function desk(final = true): Desk {
  const values = exampleWorkbook();
  values[STATUS_REPORTS.name] = sheetRows(
    STATUS_REPORTS,
    final
      ? [
          {
            caseId: '2025-05-002',
            due: day('2026-02-28'),
            received: day('2026-02-20'),
            type: 'Sluttrapport',
            progress: 'Grønn',
            economy: 'Grønn',
            risk: 'Gul',
            comment: 'Fase 2 utsatt',
            receiver: 'Østre Agder helsetjenester',
            learning: 'Delt datasenter krever avklart behandlingsgrunnlag tidlig',
            readyForOperations: 'Nei',
          },
        ]
      : [],
  );
  const sb = deskWith(values);
  sb.spreadsheet.sheet('Søknader').getRange('B3').activate(); // 2025-05-002
  return sb;
}

const status = (sb: Desk) =>
  sb.spreadsheet.sheetData('Søknader').values[2]![
    (sb.spreadsheet.sheetData('Søknader').values[0] as string[]).indexOf('Status')
  ];
const log = (sb: Desk) => sb.spreadsheet.sheetData('Logg')?.values.slice(1) ?? [];

describe('Godkjenn sluttrapport', () => {
  it('lets the chair close the project, shows what the gate lacks, and logs who approved', () => {
    const sb = desk();
    sb.ui.answerAlert('YES');
    sb.runAs({ email: LEADER }, () => sb.call('approveFinalReport'));
    const asked = sb.ui.alerts.at(-1)!.prompt;
    expect(asked).toMatch(/^Godkjenne sluttrapporten for sak 2025-05-002 .* \(mottatt 20\.02\.2026\)/);
    expect(asked).toContain(
      'Mangler for overgang til drift: «Klar for drift» er ikke Ja, ingen «Gevinsteier».',
    );
    // The economy engine's figures: the pre-project's 625 000 kr, nothing paid in the example.
    expect(asked).toMatch(
      /Ubrukt: 625\s000\skr av 625\s000\skr tildelt \(0\skr utbetalt\)\. Forslag: inndra 625\s000\skr med Registrer utbetaling › Inndragning/,
    );
    expect(status(sb)).toBe('Avsluttet');
    const [entry] = log(sb).slice(-1);
    expect(entry).toEqual(expect.arrayContaining(['Sluttrapport godkjent', '2025-05-002', 'Forprosjekt']));
    expect(String(entry!.at(-1))).toMatch(/^Avsluttet; godkjent av leder@example\.no; sluttrapport rad 2/);
    // Closed: a second approval is refused with the reason (Logg was made and became the active sheet).
    sb.spreadsheet.sheet('Søknader').getRange('B3').activate();
    sb.ui.answerAlert();
    sb.runAs({ email: LEADER }, () => sb.call('approveFinalReport'));
    expect(sb.ui.alerts.at(-1)!.prompt).toBe('Sak 2025-05-002 er allerede avsluttet.');
  });

  it('changes nothing when the chair answers No', () => {
    const sb = desk();
    sb.ui.answerAlert('NO');
    sb.runAs({ email: LEADER }, () => sb.call('approveFinalReport'));
    expect(status(sb)).toBe('Forprosjekt');
    expect(sb.calls.count('Range.setValue') + sb.calls.count('Range.setValues')).toBe(0);
  });

  it('is refused to the secretariat (chair only) and without a final report, writing nothing', () => {
    const sb = desk();
    sb.ui.answerAlert();
    sb.call('approveFinalReport'); // the secretariat member
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/ikke gir lov til å godkjenne sluttrapporter/);
    const none = desk(false);
    none.ui.answerAlert();
    none.runAs({ email: LEADER }, () => none.call('approveFinalReport'));
    expect(none.ui.alerts.at(-1)!.prompt).toMatch(/har ingen mottatt sluttrapport/);
    for (const s of [sb, none])
      expect(s.calls.count('Range.setValue') + s.calls.count('Range.setValues')).toBe(0);
  });
});
