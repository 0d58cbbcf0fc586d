import type { CellRef, Finding } from '../../engine/findings';
import { about, finding, type Rule } from '../../engine/rule';
import { sentence } from './sentence';
import { tracksPayments } from '../../money-flow/records';
import { followedProjects } from '../deadlines/projects';
import { latestReports } from '../status/latest';

const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * The project's own economy light is green while the light derived from its payments (share
 * paid against time gone, overspending) is red: for information, so the board sees both. Only when the
 * workbook follows up payments (an `Utbetalinger` sheet); without it there is no derived light to compare.
 */
export const economyLightDiffers: Rule = {
  id: 'economy-light-differs',
  severity: 'info',
  family: 'follow-up',
  check(ctx) {
    if (!tracksPayments(ctx.portfolio)) return [];
    const closed = new Set(
      followedProjects(ctx.portfolio)
        .filter((x) => x.closed)
        .map((x) => x.application.caseId),
    );
    const out: Finding[] = [];
    for (const r of latestReports(ctx.portfolio, ctx.today).values()) {
      const derived = ctx.economy.projects.get(r.caseId);
      if (closed.has(r.caseId) || r.economy !== 'green' || derived?.light !== 'red') continue;
      const ref = r.caseId;
      const cell: CellRef = { sheet: 'statusReports', row: r.row, field: 'economy' };
      const why = (lang: 'nb' | 'en') =>
        lang === 'nb'
          ? `prosjektet rapporterer grønt lys for økonomi, men utbetalingene gir rødt: ${pct(derived.usedShare)} av tildelingen er utbetalt etter ${pct(derived.elapsedShare)} av perioden`
          : `the project reports a green economy light, but its payments give red: ${pct(derived.usedShare)} of the allocation paid after ${pct(derived.elapsedShare)} of the period`;
      out.push(
        finding(
          this,
          ref,
          [cell],
          (lang) =>
            lang === 'nb'
              ? `${about(ref, cell, 'nb')}${why('nb')}. Be prosjektet forklare forskjellen i neste rapport.`
              : `${about(ref, cell, 'en')}${why('en')}. Ask the project to explain the difference in its next report.`,
          (lang) => sentence(why(lang)),
        ),
      );
    }
    return out;
  },
};
