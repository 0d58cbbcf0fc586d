import type { CellRef, Finding } from '../../engine/findings';
import { about, finding, type Rule } from '../../engine/rule';
import { sentence } from './sentence';
import { formatLongDay } from '../../parse/period';
import { lightsNotGreen, type StatusReport } from '../status/reports';
import { LIGHT_LABEL } from '../status/lights';
import { latestReports } from '../status/latest';
import { followedProjects } from '../deadlines/projects';

const ASPECT = {
  progress: { nb: 'framdrift', en: 'progress' },
  economy: { nb: 'økonomi', en: 'economy' },
  risk: { nb: 'risiko', en: 'risk' },
} as const;

type Aspect = keyof typeof ASPECT;

const joinNb = (parts: string[]) =>
  parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} og ${parts[parts.length - 1]}`;
const joinEn = (parts: string[]) =>
  parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;

function lightsText(r: StatusReport, aspects: Aspect[], lang: 'nb' | 'en'): string {
  const parts = aspects.map((a) => `${ASPECT[a][lang]} ${LIGHT_LABEL[r[a]!][lang].toLowerCase()}`);
  return lang === 'nb' ? joinNb(parts) : joinEn(parts);
}

/** A yellow or red light needs a comment saying what is wrong and what is done. */
export const statusCommentMissing: Rule = {
  id: 'status-comment-missing',
  severity: 'warning',
  family: 'follow-up',
  check(ctx) {
    const out: Finding[] = [];
    for (const r of ctx.portfolio.statusReports ?? []) {
      const aspects = lightsNotGreen(r);
      if (aspects.length === 0 || r.comment !== '') continue;
      const ref = r.caseId;
      const cell: CellRef = { sheet: 'statusReports', row: r.row, field: 'comment' };
      out.push(
        finding(
          this,
          ref,
          [cell],
          (lang) =>
            lang === 'nb'
              ? `${about(ref, cell, 'nb')}rapporten har ${lightsText(r, aspects, 'nb')}, men ingen kommentar. Skriv hva som er galt og hva som gjøres (kommentar kreves når et lys ikke er grønt).`
              : `${about(ref, cell, 'en')}the report has ${lightsText(r, aspects, 'en')} but no comment. Write what is wrong and what is being done (a comment is required when a light is not green).`,
          (lang) =>
            lang === 'nb'
              ? `Statusrapporten har ${lightsText(r, aspects, 'nb')}, men ingen kommentar.`
              : `The status report has ${lightsText(r, aspects, 'en')} but no comment.`,
        ),
      );
    }
    return out;
  },
};

/** The latest report of a project still running (not *Avsluttet*) has a red light: for the board. */
export const statusRed: Rule = {
  id: 'status-red',
  severity: 'warning',
  family: 'follow-up',
  check(ctx) {
    const out: Finding[] = [];
    if (!ctx.portfolio.statusReports?.length) return out;
    const closed = new Set(
      followedProjects(ctx.portfolio)
        .filter((x) => x.closed)
        .map((x) => x.application.caseId),
    );
    for (const r of latestReports(ctx.portfolio, ctx.today).values()) {
      if (closed.has(r.caseId)) continue;
      const red = (['progress', 'economy', 'risk'] as const).filter((k) => r[k] === 'red');
      if (red.length === 0) continue;
      const ref = r.caseId;
      const cell: CellRef = { sheet: 'statusReports', row: r.row, field: red[0]! };
      const received = r.received.ok ? r.received.value : null;
      const red_ = (lang: 'nb' | 'en') => {
        const when = received
          ? lang === 'nb'
            ? ` (mottatt ${formatLongDay(received, 'nb')})`
            : ` (received ${formatLongDay(received, 'en')})`
          : '';
        return lang === 'nb'
          ? `siste statusrapport${when} har rødt lys for ${joinNb(red.map((k) => ASPECT[k].nb))}`
          : `the latest status report${when} has a red light for ${joinEn(red.map((k) => ASPECT[k].en))}`;
      };
      out.push(
        finding(
          this,
          ref,
          [cell],
          (lang) =>
            lang === 'nb'
              ? `${about(ref, cell, 'nb')}${red_('nb')}. Ta prosjektet med i statusrapporten til porteføljestyret.`
              : `${about(ref, cell, 'en')}${red_('en')}. Bring the project to the board's status report.`,
          (lang) => sentence(red_(lang)),
        ),
      );
    }
    return out;
  },
};
