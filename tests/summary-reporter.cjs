// Prints the plain closing line CI reads ("Tests: N passed, N failed") as the very last line, after
// jest's own summary (which other reporters print later than onRunComplete).
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    const line = `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}`;
    process.once('exit', () => process.stdout.write(`\n${line}\n`));
  }
}
module.exports = SummaryReporter;
