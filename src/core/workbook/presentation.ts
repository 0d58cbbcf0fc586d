import type { FieldKind } from './contract';
import type { PlanLight } from './vocabulary';

/**
 * How the product shows things, once for the Google Sheet, the CLI's .xlsx template and the documents:
 * colours as `RRGGBB` (Sheets takes them with `#`, exceljs as `FF` + RRGGBB, Docs and .docx as they are),
 * number formats in the syntax Sheets and Excel share.
 */
export type Severity = 'error' | 'warning' | 'info';

/** The highlight of a cell a finding is about. */
export const SEVERITY_FILL: Record<Severity, string> = { error: 'F4C7C3', warning: 'FCE8B2', info: 'DDEBF7' };

/** A traffic light's tint: light, so black text stays readable; every coloured cell also says its light. */
export const LIGHT_FILL: Record<PlanLight, string> = {
  green: 'B7E1CD',
  yellow: 'FCE8B2',
  red: 'F4C7C3',
  waiting: 'D9D9D9',
};

/** A table's header row, and a focus area's row in the plan review. */
export const HEADER_FILL = 'EEF1F5';

/** Plain text: what is typed or written stays as it is (`0150` stays `0150`, `1.5` is no date). */
export const PLAIN_TEXT = '@';

/**
 * Number formats by column kind. Identifiers and free text are plain text; months too, so `2025-08` is not
 * turned into a date. Kinds without a format keep the spreadsheet's own.
 */
export const NUMBER_FORMAT: Partial<Record<FieldKind, string>> = {
  money: '#,##0 "kr"',
  date: 'dd.mm.yyyy',
  month: PLAIN_TEXT,
  // Samarbeidsavtale: a date shows as one; Ja/Nei stay text.
  yesnoDate: 'dd.mm.yyyy',
  id: PLAIN_TEXT,
  text: PLAIN_TEXT,
  longtext: PLAIN_TEXT,
  email: PLAIN_TEXT,
};

/** `#RRGGBB` for Sheets. */
export const sheetColor = (rgb: string): string => `#${rgb.toLowerCase()}`;
