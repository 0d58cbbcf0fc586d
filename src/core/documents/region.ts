import type { CheckResult } from '../check/check';
import { projectStatuses } from '../follow-up/status/project-status';
import { formatPeriod } from '../parse/period';
import { inputOfRegion, markUnverified, type RegionalInput } from '../plan/regional-input';
import { normalizeKey } from '../base/text';
import { PLAN_LIGHTS } from '../workbook/vocabulary';
import { h, p, table, type DocModel } from './model';
import { norwegianDate } from './memo';

const light = (l: keyof typeof PLAN_LIGHTS | null) => (l === null ? '–' : PLAN_LIGHTS[l].nb);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * One region's follow-up, for its regional council (RS): the granted projects in the region with their
 * steering group and latest lights on `date`, and the input the region gave to the action plan. RS members
 * are viewers of the spreadsheet; this document is what is theirs.
 */
export function buildRegionReport(
  result: CheckResult,
  input: readonly RegionalInput[],
  options: { region: string; date: Date },
): DocModel {
  const { region, date } = options;
  const mine = projectStatuses(result.portfolio, date).filter(
    (s) => normalizeKey(s.application.region) === normalizeKey(region),
  );
  const given = inputOfRegion(input, region);
  return {
    title: `Oppfølging for ${region} per ${norwegianDate(iso(date))}`,
    blocks: [
      h(2, 'Prosjekter i regionen'),
      mine.length === 0
        ? p('Ingen innvilgede prosjekter i regionen.')
        : table(
            [
              ['Saksnr', 'Prosjekt', 'Periode', 'Styringsgruppe', 'Samlet status', 'Neste frist'],
              ...mine.map((s) => [
                s.caseId,
                s.application.title,
                formatPeriod(s.period),
                s.application.steeringGroup || '–',
                light(s.lights.overall),
                s.nextDue ? norwegianDate(iso(s.nextDue.effectiveDue)) : '–',
              ]),
            ],
            { header: true, compact: true },
          ),
      h(2, 'Regionens innspill til handlingsplanen'),
      given.length === 0
        ? p('Ingen innspill registrert i arket Innspill.')
        : table(
            [
              ['Nr', 'Vurdering', 'Kommentar', 'Dato'],
              ...given.map((x) => [
                x.nr,
                markUnverified(light(x.assessment), x),
                x.comment,
                x.date ? norwegianDate(iso(x.date)) : '',
              ]),
            ],
            { header: true, widths: [1, 1, 4, 1] },
          ),
    ],
  };
}
