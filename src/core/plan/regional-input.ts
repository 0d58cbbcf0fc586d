import type { Lang } from '../base/result';
import { REGIONAL_INPUT, findSheetName, readTable } from '../workbook/contract';
import { parseDay } from '../parse/period';
import { cellText, normalizeKey } from '../base/text';
import { counts, reportCheck } from '../follow-up/status/reports';
import { parseLight, type Light } from './records';
import { normalizeNumber } from './numbering';

/**
 * The regions' input to the action plan's yearly review (`Innspill`): each regional council (RS) gives its
 * view of a measure, especially the red ones. The review document shows it under each measure.
 */
export interface RegionalInput {
  row: number;
  region: string;
  /** The measure's number as written (`1.2.3`). */
  nr: string;
  /** The region's light for the measure; null when blank or unknown. */
  assessment: Light | null;
  comment: string;
  /** null when blank or unreadable. */
  date: Date | null;
  submittedBy: string;
  /**
   * Whether it is the region's own: typed in, sent with the code of the region's link, or confirmed by the
   * secretariat (`Kontroll` read as in `Statusrapporter`). Unverified input is shown marked, never dropped.
   */
  verified: boolean;
}

/** The rows of the optional `Innspill` sheet (absent: none); rows without a measure number are skipped. */
export function readRegionalInput(values: Record<string, readonly (readonly unknown[])[]>): RegionalInput[] {
  const name = findSheetName(REGIONAL_INPUT, Object.keys(values));
  if (name === undefined) return [];
  return readTable(REGIONAL_INPUT, values[name]!)
    .rows.map((r) => {
      const date = parseDay(r.get('date'));
      return {
        row: r.row,
        region: cellText(r.get('region')),
        nr: cellText(r.get('nr')),
        assessment: parseLight(r.get('assessment')),
        comment: cellText(r.get('comment')),
        date: date.ok ? date.value : null,
        submittedBy: cellText(r.get('submittedBy')),
        verified: counts({ check: reportCheck(cellText(r.get('check'))) }),
      };
    })
    .filter((x) => x.nr !== '');
}

/**
 * The input per measure number (`1.2.3.` and ` 1.2.3` read as `1.2.3`, as in the plan), each measure's input
 * in region order then date order, so the review can print every region's view under its measure.
 */
export function inputByMeasure(records: readonly RegionalInput[]): Map<string, RegionalInput[]> {
  const out = new Map<string, RegionalInput[]>();
  const sorted = [...records].sort(
    (a, b) => a.region.localeCompare(b.region, 'nb') || (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0),
  );
  for (const r of sorted) {
    const nr = normalizeNumber(r.nr);
    const list = out.get(nr) ?? [];
    list.push(r);
    out.set(nr, list);
  }
  return out;
}

/** One region's input (case and spacing in the name ignored): its per-region follow-up. */
export const inputOfRegion = (records: readonly RegionalInput[], region: string): RegionalInput[] =>
  records.filter((r) => normalizeKey(r.region) === normalizeKey(region));

/** A value shown for the input, with «(ubekreftet)» after it when the input is not the region's own. */
export const markUnverified = (
  text: string,
  input: Pick<RegionalInput, 'verified'>,
  lang: Lang = 'nb',
): string => (input.verified ? text : `${text} (${lang === 'en' ? 'unverified' : 'ubekreftet'})`);
