import type { SheetId } from '../workbook/sheets';
import { SHEETS } from '../workbook/sheets';
import type { Lang, Reason } from '../base/result';

import type { Severity } from '../workbook/presentation';

export type { Severity };

/** A cell a finding is about: the sheet, its 1-based row, and the field (column) key. */
export interface CellRef {
  sheet: SheetId;
  row: number;
  field: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** The case id for findings about a case or project, the year for frame and key findings. */
  ref: string;
  /** For the sheet and `check`: where the problem is and what to do about it. */
  message: Reason;
  /**
   * For documents (memo, letters, reports): the fact about the application or project, as its reader
   * needs it ("Søknaden oppgir ingen egenandel fra partene."): no case, cell, column name or instruction.
   */
  fact: Reason;
  cells: CellRef[];
}

export const SEVERITY_LABEL: Record<Severity, Reason> = {
  error: { nb: 'Feil', en: 'Error' },
  warning: { nb: 'Advarsel', en: 'Warning' },
  info: { nb: 'Til orientering', en: 'For information' },
};

/** "Søknader rad 5, «Søkt beløp»": where a secretariat member finds the cell. */
export function where(cell: CellRef, lang: Lang): string {
  const spec = SHEETS[cell.sheet];
  const field = spec.fields.find((f) => f.key === cell.field);
  const column = field ? (lang === 'nb' ? field.header : field.en) : cell.field;
  return lang === 'nb'
    ? `${spec.name} rad ${cell.row}, «${column}»`
    : `${spec.en} row ${cell.row}, "${column}"`;
}

/** 0 for the most severe: errors, then warnings, then information. */
export const severityRank = (s: Severity) => (s === 'error' ? 0 : s === 'warning' ? 1 : 2);
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Errors first, then by rule id, reference and row, so output and sheets are stable between runs.
 * Case ids sort by plain code units: they are ASCII (2025-05-001), and a locale collator is 10× slower.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      compareText(a.rule, b.rule) ||
      compareText(a.ref, b.ref) ||
      (a.cells[0]?.row ?? 0) - (b.cells[0]?.row ?? 0),
  );
}
