import type { Reason } from '../../core/base/result';
import type { IntakeStuck } from '../../core/intake/rules/intake-stuck';
import { documentProperties } from './properties';

/**
 * Intake that cannot register is not left to the execution log: each journal records why and since when
 * in a document property (`tilskudd.<journal>.stuck`), cleared by its next registration that goes
 * through. The portfolio check shows it (`intake-stuck`), and every member is told once per episode at
 * their first action (`stuckNotice`); onOpen cannot read the document as an add-on.
 */
const SUFFIX = '.stuck';
const key = (journal: string) => `tilskudd.${journal}${SUFFIX}`;
const TOLD = 'tilskudd.stuckTold';

interface Record {
  label: Reason;
  since: number;
  reason: Reason;
}

/** Records that `journal` could not register; the first time keeps its `since`. */
export function recordStuck(journal: string, label: Reason, reason: Reason): void {
  const props = documentProperties();
  const earlier = parse(props.getProperty(key(journal)));
  const record: Record = { label, since: earlier?.since ?? Date.now(), reason };
  props.setProperty(key(journal), JSON.stringify(record));
}

/** The journal registered again (or had nothing left): no longer stuck. */
export function clearStuck(journal: string): void {
  const props = documentProperties();
  if (props.getProperty(key(journal)) !== null) props.deleteProperty(key(journal));
}

/** Every stuck journal, oldest first. */
export function stuckIntake(): IntakeStuck[] {
  const all = documentProperties().getProperties();
  return Object.entries(all)
    .filter(([k]) => k.startsWith('tilskudd.') && k.endsWith(SUFFIX))
    .map(([, v]) => parse(v))
    .filter((r): r is Record => r !== null)
    .sort((a, b) => a.since - b.since)
    .map((r) => ({ journal: r.label, since: new Date(r.since), reason: r.reason }));
}

function parse(text: string | null): Record | null {
  try {
    const r = JSON.parse(text ?? 'null') as Partial<Record> | null;
    if (r && typeof r.since === 'number' && r.label && r.reason) return r as Record;
  } catch {
    // a damaged property says nothing
  }
  return null;
}

/**
 * What to tell this member, once per stuck episode (their user property remembers the oldest `since`
 * they were told of), or null.
 */
export function stuckNotice(lang: 'nb' | 'en'): string | null {
  const stuck = stuckIntake();
  if (stuck.length === 0) return null;
  const user = PropertiesService.getUserProperties();
  const mark = String(stuck[0]!.since.getTime());
  if (user.getProperty(TOLD) === mark) return null;
  user.setProperty(TOLD, mark);
  const lines = stuck.map((s) =>
    lang === 'nb'
      ? `Svar fra ${s.journal.nb} er ikke registrert siden ${s.since.toISOString().slice(0, 10)}: ${s.reason.nb}`
      : `Responses of the ${s.journal.en} not registered since ${s.since.toISOString().slice(0, 10)}: ${s.reason.en}`,
  );
  return `${lines.join('\n')}\n${lang === 'nb' ? 'Se arket «Avvik» etter Kontroller portefølje.' : 'See the "Avvik" sheet after Check portfolio.'}`;
}
