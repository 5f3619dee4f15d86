// Prints jest's result file as the plain closing line CI reads: "Tests: N passed, N failed, N skipped".
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.jest-results.json';
try {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  const failedSuites = r.numFailedTestSuites ?? 0;
  // A suite that fails to load has no failing *test*; count it so the line never hides it.
  const failed = (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
  if (failedSuites > 0) console.log(`failed suites: ${failedSuites}`);
  console.log(`Tests: ${r.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
} catch (error) {
  console.log(`Tests: 0 passed, 1 failed (no jest results in ${file}: ${error.message})`);
}
