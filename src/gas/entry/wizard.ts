import { tilskuddError } from '../../core/base/errors';
import { cellText, neutralizeFormula } from '../../core/base/text';
import { readSettings } from '../../core/portfolio/records';
import { SETTINGS_SHEET, readTable } from '../../core/workbook/contract';
import {
  WIZARD_GROUPS,
  checkWizard,
  isWizardName,
  wizardFields,
  wizardValues,
  type WizardGroup,
} from '../../core/workbook/settings';
import type { Result, WizardDone, WizardView } from '../../seam/api';
import { requireRole } from '../platform/access';
import { inLock, runAction, withDesk, type Desk } from '../platform/desk';
import { showPage } from '../platform/html';
import { appendLog } from '../platform/log';
import { SheetIndex, appendAtEnd, type Sheet } from '../platform/sheets';
import { createApplicationForm, existingForm, rememberForm } from '../intake/form';
import { installTriggers } from '../platform/triggers';
import { APPLICATION_JOURNAL } from '../intake/intake';
import { linkResponseSheet } from '../intake/journal';
import { isFreshWorkbook, setupDoneText, setupUser, setupWorkbook } from './setup';

/**
 * The set-up wizard (a dialog): the settings the table marks `wizard`, each checked as typed by the page
 * with the settings' own types and again here; nothing is written until the member confirms. Then, in
 * two calls the page shows as progress: sheets, protections and the changed settings (`wizardSave`), and
 * the application form with its trigger (`wizardForm`). Run again, it writes only the rows that change.
 */

/** Menu *Oppsettsveiviser* (and *Sett opp arbeidsboka* in a workbook never used). */
export function openSetupWizard(): void {
  withDesk(
    ({ sheets, lang }) => {
      setupUser(sheets);
      showPage('Setup', lang);
    },
    { action: null, lock: false },
  );
}

const refusal = (error: string) => ({ ok: false as const, error });

const badRequest = () =>
  tilskuddError(
    'Ugyldig forespørsel fra veiviseren. Lukk og åpne den igjen.',
    'Invalid request from the wizard. Close and reopen it.',
  );

/** The `Innstillinger` rows as the reader sees them (empty when the sheet is not there yet). */
function settingRows(sheets: SheetIndex): Array<{ key: unknown; value: unknown; row: number }> {
  const sheet = sheets.find(SETTINGS_SHEET);
  if (!sheet) return [];
  return readTable(SETTINGS_SHEET, sheets.values(sheet)).rows.map((r) => ({
    key: r.cells.key,
    value: r.cells.value,
    row: r.row,
  }));
}

export function wizardLoad(): Result<WizardView> {
  return runAction(
    ({ sheets, lang }): Result<WizardView> => {
      const user = setupUser(sheets);
      const sheet = sheets.find(SETTINGS_SHEET);
      const settings = readSettings(sheet ? { [SETTINGS_SHEET.name]: sheets.values(sheet) } : {});
      const values = wizardValues(settings);
      return {
        ok: true,
        value: {
          lang,
          fresh: isFreshWorkbook(sheets),
          user,
          formExists: existingForm().form !== null,
          fields: wizardFields(settings).map((f) => ({
            name: f.name,
            label: lang === 'nb' ? f.name : f.en,
            help: f.help,
            group: f.group,
            groupLabel: WIZARD_GROUPS[f.group as WizardGroup][lang],
            required: f.required,
            value: values[f.name] ?? '',
          })),
        },
      };
    },
    { action: null, lock: false },
    refusal,
  );
}

/** The typed values, untrusted: names the wizard knows, text of a cell's size. */
function typedValues(raw: unknown): Record<string, string> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw badRequest();
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > 200) throw badRequest();
  const out: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (!isWizardName(name) || typeof value !== 'string' || value.length > 2000) throw badRequest();
    out[name] = value;
  }
  return out;
}

/** Checks every field (refusing with each problem, writing nothing), then sets up and writes the changes. */
export function wizardSave(raw: unknown): Result<WizardDone> {
  return runAction(
    ({ ss, sheets, lang }): Result<WizardDone> => {
      const values = typedValues(raw);
      setupUser(sheets);
      const first = checkWizard(values, settingRows(sheets));
      if (first.problems.length > 0) {
        throw tilskuddError(
          first.problems.map((p) => p.nb).join('\n'),
          first.problems.map((p) => p.en).join('\n'),
        );
      }
      const report = setupWorkbook(ss);
      // Against the rows set-up left (a new Innstillinger holds the defaults): only what the member changed.
      const fresh = new SheetIndex(ss);
      const user = requireRole(fresh, 'settings');
      const { changes } = checkWizard(values, settingRows(fresh));
      const written = writeSettings(fresh, changes);
      appendLog(
        fresh,
        user,
        written.map((w) => ({
          action: 'Oppsettsveiviser',
          before: `${w.name}: ${w.before}`,
          after: w.after,
        })),
      );
      const nb = lang === 'nb';
      const lines = [setupDoneText(report)[lang]];
      if (report.leader) lines.push(nb ? `${report.leader} er leder.` : `${report.leader} is the chair.`);
      if (report.protected.length > 0)
        lines.push(`${nb ? 'Vernet' : 'Protected'}: ${report.protected.join(', ')}.`);
      lines.push(
        written.length === 0
          ? nb
            ? 'Ingen innstillinger endret.'
            : 'No setting changed.'
          : `${nb ? 'Innstillinger endret' : 'Settings changed'}: ${written.map((w) => `${w.name} = ${w.after}`).join('; ')}.`,
      );
      return { ok: true, value: { lines } };
    },
    { action: null },
    refusal,
  );
}

/** Writes each changed setting into its row's Verdi cell, or a new row at the end; what else is there stays. */
function writeSettings(
  sheets: SheetIndex,
  changes: Array<{ name: string; cell: string | number | boolean; help: string }>,
): Array<{ name: string; before: string; after: string }> {
  if (changes.length === 0) return [];
  const sheet: Sheet = sheets.require(SETTINGS_SHEET);
  const table = readTable(SETTINGS_SHEET, sheets.values(sheet));
  const valueColumn = table.columns.value! + 1;
  const keyColumn = table.columns.key!;
  const out: Array<{ name: string; before: string; after: string }> = [];
  const added: unknown[][] = [];
  const norm = (s: unknown) => cellText(s).toLowerCase();
  for (const change of changes) {
    const row = table.rows.find((r) => norm(r.cells.key) === norm(change.name));
    const after = String(change.cell);
    if (row) {
      out.push({ name: change.name, before: cellText(row.cells.value), after });
      sheet.getRange(row.row, valueColumn).setValue(neutralizeFormula(change.cell));
    } else {
      out.push({ name: change.name, before: '', after });
      const cells: unknown[] = [];
      cells[keyColumn] = change.name;
      cells[table.columns.value!] = neutralizeFormula(change.cell);
      if (table.columns.description !== undefined) cells[table.columns.description] = change.help;
      added.push(Array.from(cells, (c) => c ?? ''));
    }
  }
  if (added.length > 0) {
    const width = Math.max(...added.map((r) => r.length));
    appendAtEnd(
      sheet,
      added.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]),
    );
  }
  return out;
}

/** The application form and its trigger, unless the spreadsheet has its form already. */
export function wizardForm(): Result<WizardDone> {
  return runAction(
    ({ ss, sheets, lang, user }: Desk): Result<WizardDone> => {
      const nb = lang === 'nb';
      const old = existingForm().form;
      if (old) {
        return {
          ok: true,
          value: {
            lines: [
              nb
                ? `Søknadsskjemaet fantes allerede: ${old.getPublishedUrl()}`
                : `The application form already existed: ${old.getPublishedUrl()}`,
            ],
          },
        };
      }
      const sheet = sheets.find(SETTINGS_SHEET);
      const settings = readSettings(sheet ? { [SETTINGS_SHEET.name]: sheets.values(sheet) } : {});
      // Many Forms calls: outside the lock, which guards only the records below.
      const form = createApplicationForm(ss, settings, lang);
      const trigger = inLock(() => {
        rememberForm(form);
        const installed = installTriggers(ss, user);
        linkResponseSheet(ss, APPLICATION_JOURNAL, form);
        appendLog(sheets, user, [{ action: 'Opprett søknadsskjema', after: form.getPublishedUrl() }]);
        return installed;
      });
      const lines = [
        nb
          ? `Søknadsskjemaet er laget: ${form.getPublishedUrl()}`
          : `The application form is ready: ${form.getPublishedUrl()}`,
        trigger.installed
          ? nb
            ? 'Utløseren som registrerer svarene, er installert.'
            : 'The trigger that registers responses is installed.'
          : nb
            ? `Svarene registreres av utløseren som ${trigger.owner} installerte.`
            : `Responses are registered by the trigger ${trigger.owner} installed.`,
      ];
      return { ok: true, value: { lines } };
    },
    { action: 'settings', lock: false },
    refusal,
  );
}
