import { assessCases, declarations, scoresByDisqualified } from '../../core/assessment/scores';
import { disqualifiedFrom } from '../../core/assessment/impartiality';
import {
  BOARD_RANK,
  DECLARATION,
  IMPARTIALITY,
  SCALE,
  SCALE_MAX,
  SCALE_MIN,
  SELECTION_CRITERIA,
} from '../../core/assessment/form';
import { checkPortfolio } from '../../core/check/check';
import { leftOutOfTotals, leftOutText } from '../../core/documents/publication';
import { ASSESSMENTS, type SheetSpec } from '../../core/workbook/contract';
import { addressOf, type Address } from '../../core/portfolio/address';
import { dashboard } from '../../core/money-flow/dashboard';
import { buildEconomy } from '../../core/money-flow/economy';
import { economyView } from '../../core/money-flow/economy-view';
import { tilskuddError } from '../../core/base/errors';
import { formatMoney } from '../../core/parse/money';
import { formatPeriod } from '../../core/parse/period';
import { readPortfolio, type Portfolio } from '../../core/portfolio/records';
import type { Lang } from '../../core/base/result';
import { grantedProjects } from '../../core/money-flow/supplement';
import { normalizeKey } from '../../core/base/text';
import { parseYesNo } from '../../core/workbook/vocabulary';
import { partiesText } from '../../core/documents/memo';
import {
  DECISION_KINDS,
  PAGES,
  type AssessmentView,
  type FindingView,
  type FindingsView,
  type MyAnswers,
  type Page,
  type Result,
  type Server,
} from '../../seam/api';
import type { Action } from '../../core/access/roles';
import { CHECK_SHEETS, checkLogEntry, runCheck } from '../workbook/check';
import { runAction, todayIn, withDesk, type Desk } from '../platform/desk';
import { appendLog, loggedWrite } from '../platform/log';
import { readWorkbook } from '../workbook/portfolio';
import { appendRows, rowFor, sheetWithHeader } from '../platform/sheets';
import { registerSupplement } from '../money/supplement';
import { assessmentMark } from '../workbook/assessment-marks';
import { followUpView, selectProject } from '../follow-up/endpoints';
import { paymentView, paymentDone, withdrawalDone } from '../money/payment-endpoints';
import { planView } from '../plan/plan-view';
import { showPage } from '../platform/html';
import { wizardForm, wizardLoad, wizardSave } from './wizard';
import { decisionsView, registerDecisions } from '../decisions/decisions';

/**
 * The server side of the sidebars and the dialog. Each endpoint (exported from `src/main.ts` under the
 * names in `src/seam/api.ts`) checks the user's role, re-validates every argument, and answers with a
 * plain `Result` (no Date, no class instance). Endpoints that write hold the document lock.
 */
/** Menu: shows a built page (`build/<page>.html`) as a sidebar or dialog, for secretariat members only. */
export function openPage(page: Page): void {
  withDesk(
    ({ lang }) => {
      showPage(page, lang);
      // Opening a page writes nothing: no lock, so it opens even while a long change runs.
    },
    { action: PAGES[page].action, lock: false },
  );
}

// ---- argument checks: everything from the client is untrusted ----

const badRequest = () =>
  tilskuddError(
    'Ugyldig forespørsel fra skjemaet. Lukk og åpne det igjen.',
    'Invalid request from the form. Close and reopen it.',
  );

function text(value: unknown, max = 2000): string {
  if (typeof value !== 'string' || value.length > max) throw badRequest();
  return value;
}

function record(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badRequest();
  return value as Record<string, unknown>;
}

function list(value: unknown, max = 100): unknown[] {
  if (!Array.isArray(value) || value.length > max) throw badRequest();
  return value;
}

/** Runs an endpoint (see `runAction`): the lock only when it writes; a refusal becomes `{ ok: false }`. */
function endpoint<T>(
  action: Action,
  write: boolean,
  body: (desk: Desk) => T,
  sheets?: readonly SheetSpec[],
): Result<T> {
  return runAction(
    (desk): Result<T> => ({ ok: true, value: body(desk) }),
    { action, lock: write, sheets },
    (error): Result<T> => ({ ok: false, error }),
  );
}

const portfolioOf = (desk: Desk): Portfolio => readPortfolio(readWorkbook(desk.ss, desk.sheets).values);

// ---- assessment ----

function selectedCase(desk: Desk, p: Portfolio): string {
  const range = desk.ss.getActiveRange();
  if (!range || range.getSheet().getName() !== p.sheetNames.applications) return '';
  const row = range.getRow();
  return p.applications.find((a) => a.row === row)?.caseId ?? '';
}

function assessmentView(desk: Desk, p: Portfolio, asked: string): AssessmentView {
  const { lang, user } = desk;
  const results = assessCases(p.applications, p.assessments ?? [], p.settings);
  const cases = results.map((r) => ({ caseId: r.caseId, title: r.title }));
  const known = (id: string) => cases.some((c) => c.caseId === id);
  const fromSelection = asked === '' ? selectedCase(desk, p) : '';
  const caseId = known(asked) ? asked : known(fromSelection) ? fromSelection : (cases[0]?.caseId ?? '');
  const app = p.applications.find((a) => a.caseId === caseId);
  const me = user.toLowerCase();
  const declared = declarations(p.assessments ?? []);
  const mine: MyAnswers = {
    ground: declared.get(caseId)?.get(me)?.ground ?? null,
    selection: {},
    scores: {},
  };
  const excludedFrom = disqualifiedFrom(declared, me);
  const disqualified = excludedFrom.has(caseId);
  const findings = app
    ? checkPortfolio(p, { today: todayIn(desk.ss, desk.sheets) })
        .findings.filter((f) => f.ref === caseId && !(disqualified && f.rule === 'assessor-disqualified'))
        .map((f) => ({ severity: f.severity, message: f.message[lang] }))
    : [];
  for (const r of p.assessments ?? []) {
    if (r.caseId !== caseId || r.assessor !== me) continue;
    const sel = SELECTION_CRITERIA.find((c) =>
      [c.nb, c.en].some((l) => normalizeKey(l) === normalizeKey(r.criterion)),
    );
    if (sel) {
      // Read as the score reads it: an answer it does not take for yes or no shows as none given.
      const yes = parseYesNo(r.score);
      mine.selection[sel.id] = { answer: yes === null ? '' : yes ? 'yes' : 'no', comment: r.comment };
      continue;
    }
    const crit = p.settings.criteria.find((c) => normalizeKey(c.label) === normalizeKey(r.criterion));
    if (crit) {
      const n = Number(r.score);
      mine.scores[crit.label] = { score: Number.isInteger(n) ? n : null, comment: r.comment };
    }
  }
  const parties = app ? partiesText(app, p.settings) : '';
  return {
    lang,
    user,
    cases,
    caseId,
    summary: app
      ? {
          caseId,
          title: app.title,
          applicant: app.applicant,
          parties,
          amount: app.requested.ok ? formatMoney(app.requested.value) : '',
          period: app.period.ok ? formatPeriod(app.period.value, lang) : '',
          status: app.status,
          findings,
        }
      : null,
    scale: SCALE.map((s) => ({ score: s.score, label: s[lang] })),
    grounds: IMPARTIALITY.map((g) => ({ id: g.id, label: g[lang] })),
    selection: SELECTION_CRITERIA.map((c) => ({ id: c.id, label: c[lang] })),
    criteria: p.settings.criteria.map((c) => ({ label: c.label, weight: c.weight })),
    mine,
    result: disqualified ? null : (results.find((r) => r.caseId === caseId) ?? null),
    ranking: results
      .filter((r) => r.finalRank !== null && !excludedFrom.has(r.caseId))
      .sort((a, b) => a.finalRank! - b.finalRank!)
      .map((r) => ({
        caseId: r.caseId,
        title: r.title,
        weightedScore: r.weightedScore,
        selectionHolds: r.selectionHolds,
        // Rank numbers would show where a hidden case stands: the order alone is shown then.
        rank: excludedFrom.size > 0 ? null : r.rank,
        finalRank: excludedFrom.size > 0 ? null : r.finalRank,
        boardRank: excludedFrom.size > 0 ? null : r.boardRank,
        boardReason: r.boardReason,
        disagreement: r.disagreement,
      })),
  };
}

function requireCase(p: Portfolio, caseId: string): void {
  if (caseId === '' || !p.applications.some((a) => a.caseId === caseId)) {
    throw tilskuddError(
      `Fant ingen søknad med saksnummer «${caseId}».`,
      `No application has case ID "${caseId}".`,
    );
  }
}

function saveAssessment(desk: Desk, raw: unknown): AssessmentView {
  const input = record(raw);
  const caseId = text(input.caseId, 100).trim();
  const groundId = text(input.ground, 20);
  const ground = IMPARTIALITY.find((g) => g.id === groundId);
  if (!ground) throw badRequest();
  const p = portfolioOf(desk);
  requireCase(p, caseId);
  const cells = (criterion: string, score: string | number, comment: string) => {
    const answer = {
      caseId,
      assessor: desk.user.toLowerCase(),
      criterion,
      score,
      impartiality: ground.sheet,
    };
    return { ...answer, comment, time: new Date(), mark: assessmentMark(answer) };
  };
  const rows: Array<ReturnType<typeof cells>> = [cells(DECLARATION, '', '')];
  let after: string = ground.sheet;
  if (ground.id === 'none') {
    const selection = list(input.selection).map(record);
    const scores = list(input.scores).map(record);
    for (const c of SELECTION_CRITERIA) {
      const answer = selection.find((s) => s.id === c.id);
      const yes = answer?.answer === 'yes' ? 'Ja' : answer?.answer === 'no' ? 'Nei' : null;
      if (yes === null) {
        throw tilskuddError(`Svar ja eller nei på «${c.nb}».`, `Answer yes or no to "${c.en}".`);
      }
      rows.push(cells(c.nb, yes, text(answer!.comment ?? '').trim()));
    }
    for (const c of p.settings.criteria) {
      const given = scores.find((s) => s.label === c.label);
      const score = given?.score;
      if (typeof score !== 'number' || !Number.isInteger(score) || score < SCALE_MIN || score > SCALE_MAX) {
        throw tilskuddError(
          `Gi «${c.label}» en poengsum fra ${SCALE_MIN} til ${SCALE_MAX}.`,
          `Score "${c.label}" from ${SCALE_MIN} to ${SCALE_MAX}.`,
        );
      }
      rows.push(cells(c.label, score, text(given!.comment ?? '').trim()));
    }
    after = `${ground.sheet}; ${rows.length - 1} svar`;
  }
  const target = sheetWithHeader(desk.sheets, ASSESSMENTS);
  loggedWrite(desk.sheets, desk.user, [target.sheet], [{ action: 'Vurdering', caseId, after }], () =>
    appendRows(
      target.sheet,
      target.rows,
      rows.map((r) => rowFor(ASSESSMENTS, target.header, r)),
    ),
  );
  return assessmentView(desk, portfolioOf(desk), caseId);
}

function overrideRanking(desk: Desk, raw: unknown): AssessmentView {
  const input = record(raw);
  const caseId = text(input.caseId, 100).trim();
  const rank = input.rank;
  const reason = text(input.reason).trim();
  const p = portfolioOf(desk);
  requireCase(p, caseId);
  if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 1 || rank > 999) {
    throw tilskuddError('Rangeringen må være et helt tall fra 1.', 'The rank must be a whole number from 1.');
  }
  if (reason === '') {
    throw tilskuddError(
      'Skriv beslutningsorganets begrunnelse for å overstyre rangeringen.',
      "Give the board's reason for overriding the ranking.",
    );
  }
  const target = sheetWithHeader(desk.sheets, ASSESSMENTS);
  const entry = { action: 'Rangering overstyrt', caseId, after: `${rank}: ${reason}` };
  loggedWrite(desk.sheets, desk.user, [target.sheet], [entry], () =>
    appendRows(target.sheet, target.rows, [
      rowFor(ASSESSMENTS, target.header, {
        caseId,
        assessor: desk.user.toLowerCase(),
        criterion: BOARD_RANK,
        score: rank,
        comment: reason,
        impartiality: '',
        time: new Date(),
        mark: assessmentMark({
          caseId,
          assessor: desk.user.toLowerCase(),
          criterion: BOARD_RANK,
          score: rank,
          impartiality: '',
        }),
      }),
    ]),
  );
  return assessmentView(desk, portfolioOf(desk), caseId);
}

// ---- findings ----

function findingsView(desk: Desk): FindingsView {
  const { values } = readWorkbook(desk.ss, desk.sheets);
  const p = readPortfolio(values);
  const result = checkPortfolio(p, { today: todayIn(desk.ss, desk.sheets) });
  const assessmentsSheet = desk.sheets.find(ASSESSMENTS);
  const disqualified = scoresByDisqualified(p.assessments ?? []);
  // Findings of one case keep the order the rule made them in (the sort is stable): the i-th
  // assessor-disqualified finding of a case is about its i-th disqualified assessor.
  const seen = new Map<string, number>();
  const about = result.findings.map((f) => {
    if (f.rule !== 'assessor-disqualified') return null;
    const i = seen.get(f.ref) ?? 0;
    seen.set(f.ref, i + 1);
    return disqualified.filter((d) => d.caseId === f.ref)[i] ?? null;
  });
  // Need-to-know, as in the assessment sidebar: no other assessor's name or ground of a case the user is
  // disqualified from.
  const me = desk.user.toLowerCase();
  const excluded = disqualifiedFrom(declarations(p.assessments ?? []), me);
  const rowOfCase = new Map(p.applications.map((a) => [a.caseId, a.row]));
  const findings = result.findings.flatMap((f, n): FindingView[] => {
    const whose = about[n];
    if (f.rule === 'assessor-disqualified' && excluded.has(f.ref) && whose?.assessor !== me) return [];
    let target: FindingView['target'] = null;
    const cells = f.cells.flatMap((c) => addressOf(p, c) ?? []);
    const at = cells[0];
    if (at) {
      target = at;
    } else if (whose && assessmentsSheet) {
      const row = whose.rows[0];
      if (row) target = { sheet: desk.sheets.nameOf(assessmentsSheet), a1: `${row}:${row}` };
    } else if (rowOfCase.has(f.ref)) {
      const row = rowOfCase.get(f.ref)!;
      target = { sheet: p.sheetNames.applications, a1: `${row}:${row}` };
    }
    return [{ rule: f.rule, severity: f.severity, ref: f.ref, message: f.message[desk.lang], target, cells }];
  });
  return { lang: desk.lang, findings, sheets: Object.keys(values), checkedAt: new Date().toISOString() };
}

const A1 = /^(?:[A-Z]{1,3}[1-9]\d{0,6}(?::[A-Z]{1,3}[1-9]\d{0,6})?|[1-9]\d{0,6}:[1-9]\d{0,6})$/;

function selectTarget(desk: Desk, raw: unknown): null {
  const target = record(raw);
  const name = text(target.sheet, 200);
  const a1 = text(target.a1, 30);
  const sheet = desk.ss.getSheetByName(name);
  if (!sheet || !A1.test(a1)) throw badRequest();
  sheet.activate();
  sheet.getRange(a1).activate();
  return null;
}

/** The user's selected range as Sheets names it, read only (Avvik i valgt celle). */
function activeSelection(desk: Desk): Address | null {
  const range = desk.ss.getActiveRange();
  return range ? { sheet: range.getSheet().getName(), a1: range.getA1Notation() } : null;
}

// ---- the endpoints ----

const supplementDoneText = (lang: Lang, caseId: string, amount: number, left: number) =>
  lang === 'nb'
    ? `Tilleggsbevilling på ${formatMoney(amount)} registrert for ${caseId}. Gjenstående fullmakt: ${formatMoney(left)}. Den er merket som ikke rapportert til orienteringsorganet.`
    : `Supplementary allocation of ${formatMoney(amount)} registered for ${caseId}. Authority left: ${formatMoney(left)}. It is marked as not yet reported to the board.`;

export const server: Server = {
  assessmentLoad: (caseId) =>
    endpoint('read', false, (desk) =>
      assessmentView(desk, portfolioOf(desk), text(caseId ?? '', 100).trim()),
    ),
  assessmentSave: (input) => endpoint('assess', true, (desk) => saveAssessment(desk, input)),
  assessmentOverride: (input) => endpoint('boardRanking', true, (desk) => overrideRanking(desk, input)),
  dashboardLoad: () =>
    endpoint('read', false, (desk) => {
      const p = portfolioOf(desk);
      const today = todayIn(desk.ss, desk.sheets);
      const economy = economyView(buildEconomy(p, today));
      const excluded = disqualifiedFrom(declarations(p.assessments ?? []), desk.user.toLowerCase());
      return {
        lang: desk.lang,
        data: dashboard(p, excluded.size > 0),
        limit: p.settings.supplementLimit,
        economy,
        // The totals leave out a grant whose amount or period cannot be read: the sidebar says which.
        leftOut: leftOutText(leftOutOfTotals(checkPortfolio(p, { today })), desk.lang),
      };
    }),
  findingsLoad: () => endpoint('read', false, findingsView),
  findingsRecheck: () =>
    endpoint(
      'check',
      true,
      (desk) => {
        appendLog(desk.sheets, desk.user, [checkLogEntry(runCheck(desk.ss, desk.sheets, desk.lang))]);
        return findingsView(desk);
      },
      CHECK_SHEETS,
    ),
  findingsSelect: (target) => endpoint('read', false, (desk) => selectTarget(desk, target)),
  findingsSelection: () => endpoint('read', false, activeSelection),
  supplementLoad: () =>
    endpoint('money', false, (desk) => {
      const p = portfolioOf(desk);
      return {
        lang: desk.lang,
        limit: p.settings.supplementLimit,
        projects: grantedProjects(p).map((a) => ({
          caseId: a.caseId,
          title: a.title,
          category: a.category,
          limit: a.limit,
          used: a.used,
          left: a.left,
        })),
      };
    }),
  supplementRegister: (raw) =>
    endpoint('money', true, (desk) => {
      const input = record(raw);
      const caseId = text(input.caseId, 100).trim();
      const amount = text(input.amount, 100);
      const reason = text(input.reason);
      const done = registerSupplement(desk, { caseId, amount, reason, confirmed: input.confirmed === true });
      return {
        caseId,
        amount: done.amount,
        left: done.left,
        message: supplementDoneText(desk.lang, caseId, done.amount, done.left),
      };
    }),
  followUpLoad: () => endpoint('read', false, followUpView),
  followUpSelect: (caseId) => endpoint('read', false, (desk) => selectProject(desk, text(caseId, 100))),
  paymentLoad: () => endpoint('money', false, (desk) => paymentView(desk, portfolioOf(desk))),
  paymentRegister: (raw) =>
    endpoint('money', true, (desk) => {
      const input = record(raw);
      const kind = text(input.kind, 20);
      if (kind !== 'payment' && kind !== 'refund') throw badRequest();
      return paymentDone(
        desk,
        {
          caseId: text(input.caseId, 100).trim(),
          kind,
          amount: text(input.amount, 100),
          date: text(input.date, 30),
          voucher: text(input.voucher, 500),
          item: text(input.item, 500),
        },
        input.confirmed === true,
      );
    }),
  withdrawalRegister: (caseId) =>
    endpoint('money', true, (desk) => withdrawalDone(desk, text(caseId, 100).trim())),
  planLoad: () => endpoint('read', false, (desk) => planView(desk, portfolioOf(desk))),
  // The wizard checks its user itself: in a workbook never used, its first user becomes the leader.
  wizardLoad,
  wizardSave,
  wizardForm,
  decisionsLoad: (boardCase) =>
    endpoint('decide', false, (desk) => decisionsView(desk, text(boardCase ?? '', 100).trim())),
  decisionsRegister: (raw) =>
    endpoint('decide', true, (desk) => {
      const input = record(raw);
      return registerDecisions(desk, {
        boardCase: text(input.boardCase, 100),
        meeting: text(input.meeting, 30),
        decisions: list(input.decisions, 200).map((raw) => {
          const d = record(raw);
          const kind = DECISION_KINDS.find((k) => k === d.kind);
          if (!kind) throw badRequest();
          return {
            caseId: text(d.caseId, 100).trim(),
            kind,
            amount: text(d.amount, 100),
            period: text(d.period, 100),
            reason: text(d.reason),
            recused: text(d.recused, 500),
          };
        }),
        followUps: list(input.followUps ?? [], 600).map((raw) => {
          const d = record(raw);
          const kind = (['closure', 'extension', 'withdrawal'] as const).find((k) => k === d.kind);
          if (!kind) throw badRequest();
          return { caseId: text(d.caseId, 100).trim(), kind, value: text(d.value, 100) };
        }),
      });
    }),
};
