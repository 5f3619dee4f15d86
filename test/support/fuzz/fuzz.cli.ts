/**
 * `npm run fuzz -- [--requests N] [--seed S] [--only I]`: the HTTP fuzz run of
 * test/api-fuzz.e2e.spec.ts at any size, printing the counts by status class. Exit code 1 when
 * a request got a 5xx (or no answer), an error not in the API's shape, or moved the log by
 * something else than its response reports; each such request is printed with its replay command.
 */
import { describeFailure, runFuzz, summarise } from './fuzz-run.js';

function option(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`);
  const inline = process.argv.find((a) => a.startsWith(`--${name}=`));
  const text = inline !== undefined ? inline.slice(name.length + 3) : index >= 0 ? process.argv[index + 1] : undefined;
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    process.stderr.write(`--${name} must be an integer ≥ 0, got ${JSON.stringify(text)}\n`);
    process.exit(2);
  }
  return value;
}

const requests = option('requests') ?? 20_000;
const seed = option('seed') ?? 42;
const only = option('only');
const started = Date.now();
const report = await runFuzz({
  requests,
  seed,
  ...(only !== undefined ? { only } : {}),
  progressEvery: 1_000,
  onProgress: (done, r) =>
    process.stderr.write(
      `${done}/${requests} requests, ${Math.round((Date.now() - started) / 1000)} s, 5xx so far: ${r.byClass['5xx'] ?? 0}, failures: ${r.failures.length}\n`,
    ),
  maxFailures: 50,
});
console.log(summarise(report));
for (const failure of report.failures) console.log(`\n${describeFailure(failure)}`);
process.exit(report.failures.length === 0 ? 0 : 1);
