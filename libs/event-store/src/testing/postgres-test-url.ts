// jest's injected globals, not @jest/globals (which throws when loaded outside jest): a lib's testing
// entry loads in any program, e.g. the fuzz CLI takes its clock and actors from two of them.

/**
 * The PostgreSQL server of an integration suite: `CLAS_TEST_POSTGRES_URL`, or null. Without it
 * the suite is skipped LOUDLY (a banner on stderr) — and when `CI=true` it fails instead: CI sets
 * the variable, so a missing one is a broken CI, never a silently green run. Every suite that
 * needs PostgreSQL asks here, so the rule is written once.
 */
export function postgresTestUrl(suite: string): string | null {
  const url = process.env.CLAS_TEST_POSTGRES_URL;
  if (url !== undefined && url !== '') return url;
  if (process.env.CI === 'true') {
    describe(`${suite} (PostgreSQL)`, () => {
      it('needs CLAS_TEST_POSTGRES_URL in CI', () => {
        throw new Error(`CLAS_TEST_POSTGRES_URL is not set but CI=true: ${suite} cannot run on PostgreSQL`);
      });
    });
  } else {
    console.warn(
      `\n*** ${suite} on PostgreSQL SKIPPED: CLAS_TEST_POSTGRES_URL is not set. ***\n` +
        '*** Set it, e.g. CLAS_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres ***\n',
    );
    // Counted as skipped in the summary (and a file with nothing else still has a test).
    describe.skip(`${suite} (PostgreSQL: CLAS_TEST_POSTGRES_URL not set)`, () => {
      it('runs on PostgreSQL', () => undefined);
    });
  }
  return null;
}
