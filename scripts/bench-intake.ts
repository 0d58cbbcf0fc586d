// Intake benchmark: the sweep (Registrer manglende svar / the hourly trigger) over a response sheet of
// 10, 1 000 and 5 000 responses none of which reached Søknader, then a second sweep that finds none.
import { QUESTIONS, questionTitle } from '../src/core/intake/application-form';
import { DEFAULT_SETTINGS } from '../src/core/workbook/settings';
import { exampleWorkbook } from '../src/example/agder';
import { answers, deskWith, formOf, sheetCalls } from '../tests/gas/desk-helpers';

function sweepOnce(sb: ReturnType<typeof deskWith>) {
  sb.calls.reset();
  const t0 = performance.now();
  sb.fireClockTriggers();
  return { calls: sheetCalls(sb), ms: performance.now() - t0 };
}

export function benchIntake() {
  return [10, 1_000, 5_000].map((n) => {
    const sb = deskWith(exampleWorkbook(), { now: Date.UTC(2026, 4, 12, 9) });
    const named = answers();
    // Responses the form keeps and writes to its response sheet, their trigger never run (left to the sweep).
    const form = formOf(sb);
    for (let i = 0; i < n; i++) {
      sb.clock.advance(1000);
      form.submit(
        Object.fromEntries(
          QUESTIONS.map((q) => {
            const title = questionTitle(q, DEFAULT_SETTINGS).nb;
            return [title, q.key === 'title' ? `Prosjekt ${i}` : named[title]!];
          }),
        ),
        { trigger: false },
      );
    }
    const before = sb.spreadsheet.sheetData('Søknader').values.length;
    const first = sweepOnce(sb);
    const registered = sb.spreadsheet.sheetData('Søknader').values.length - before;
    const second = sweepOnce(sb);
    return { responses: n, registered, first, second };
  });
}
