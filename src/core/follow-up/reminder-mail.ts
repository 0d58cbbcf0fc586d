import { formatDay } from './dates';
import type { Reminder } from './reminders';

/**
 * The reminder e-mail, in Norwegian (the contacts are project owners in Norwegian services): what is
 * owed, by when, and the prefilled link to the status form with the case id already filled in.
 */
export interface Mail {
  to: string;
  cc: string;
  subject: string;
  body: string;
}

const WHAT = { halfYear: 'halvårsrapport', final: 'sluttrapport' } as const;

export function reminderMail(r: Reminder, link: string, sender: string): Mail {
  const what = WHAT[r.type];
  const extended = r.deadline.getTime() !== r.due.getTime();
  const by = `${formatDay(r.deadline)}${extended ? ` (utsatt fra ${formatDay(r.due)})` : ''}`;
  const overdue = r.step.kind === 'overdue';
  const subject = overdue
    ? `Purring${r.step.kind === 'overdue' && r.step.n > 1 ? ` ${r.step.n}` : ''}: ${what} for sak ${r.caseId} er forfalt`
    : `Påminnelse: ${what} for sak ${r.caseId} innen ${formatDay(r.deadline)}`;
  const lines = [
    `Prosjektet «${r.title || r.caseId}» (sak ${r.caseId}) skal levere ${what} innen ${by}.`,
    overdue ? 'Vi har ikke mottatt rapporten ennå.' : '',
    '',
    `Lever rapporten i skjemaet (saksnummeret er fylt inn): ${link || '(lenken til statusskjemaet mangler; kontakt sekretariatet)'}`,
    '',
    'Trenger prosjektet mer tid, be sekretariatet om utsatt frist før fristen går ut.',
    r.cc.length > 0 ? `Dette er siste purring; sekretariatet får kopi.` : '',
    '',
    `Hilsen ${sender}`,
  ];
  return {
    to: r.to,
    cc: r.cc.join(','),
    subject,
    body: lines.filter((l, i, all) => l !== '' || (all[i - 1] ?? '') !== '').join('\n'),
  };
}
