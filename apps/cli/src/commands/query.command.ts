import type { AsOf, QueryResult } from '@clas/projections';
import { ClasQueries, InMemoryStreamDirectory } from '@clas/projections';
import { asOfOptions } from '../as-of.js';
import { EXIT, UsageError } from '../cli-io.js';
import type { CommandRun } from '../cli.js';
import { withStore } from '../open-store.js';

const PROJECT_QUESTIONS = ['eligibility', 'ps', 'bilan', 'history'] as const;
export const QUESTIONS = [...PROJECT_QUESTIONS, 'convention', 'departmental', 'envelope', 'committee', 'ranking'] as const;
type Question = (typeof QUESTIONS)[number];

function ask(queries: ClasQueries, question: Question, ids: string[], asOf: AsOf): Promise<QueryResult<unknown>> {
  switch (question) {
    case 'eligibility':
      return queries.eligibility(ids[0]!, asOf);
    case 'ps':
      return queries.payablePs(ids[0]!, asOf);
    case 'bilan':
      return queries.projectBilan(ids[0]!, asOf);
    case 'history':
      return queries.projectHistory(ids[0]!, asOf);
    case 'convention':
      return queries.convention(ids[0]!, asOf);
    case 'departmental':
      return queries.departmentalBilan(ids[0]!, ids[1]!, asOf);
    case 'committee':
      return queries.committee(ids[0]!, ids[1]!, asOf);
    case 'ranking':
      return queries.committeeRanking(ids[0]!, ids[1]!, ids[2]!, asOf);
    case 'envelope':
      return queries.envelope(ids[0]!, ids[1]!, asOf);
  }
}

/** How many ids each question takes, and the message when they are not given. */
const USAGES: Record<Question, { ids: number; message: string }> = {
  eligibility: { ids: 1, message: 'eligibility takes one id' },
  ps: { ids: 1, message: 'ps takes one id' },
  bilan: { ids: 1, message: 'bilan takes one id' },
  history: { ids: 1, message: 'history takes one id' },
  convention: { ids: 1, message: 'convention takes one id' },
  departmental: { ids: 2, message: 'departmental takes <cafCode> <schoolYear>, e.g. 40 2025-2026' },
  envelope: { ids: 2, message: 'envelope takes <cafCode> <schoolYear>, e.g. 11 2026-2027' },
  committee: { ids: 2, message: 'committee takes <cafCode> <schoolYear>, e.g. 11 2026-2027' },
  ranking: { ids: 3, message: 'ranking takes <cafCode> <schoolYear> <meetingId>, e.g. 11 2026-2027 cttee-11-2026-10-05' },
};

/** `clas query <question> <id…>`: the time-travel answers of @clas/projections, JSON on stdout. */
export async function queryCommand({ args, io, config }: CommandRun): Promise<number> {
  const [question, ...ids] = args.positionals as [string, ...string[]];
  if (!(QUESTIONS as readonly string[]).includes(question))
    throw new UsageError(`unknown question ${JSON.stringify(question)}; one of ${QUESTIONS.join(', ')}`, 'query');
  const usage = USAGES[question as Question];
  if (ids.length !== usage.ids) throw new UsageError(usage.message, 'query');
  const asOf = asOfOptions(args.values, io.clock.now(), 'query');
  const dated = typeof args.values.at === 'string' || typeof args.values['known-at'] === 'string';
  const result = await withStore(config, (store) =>
    ask(new ClasQueries(store, new InMemoryStreamDirectory(store), io.clock), question as Question, ids, asOf),
  );
  if (result.kind === 'not_found') {
    io.stderr.write(`clas query: ${result.what} ${result.id} not found${dated ? ' at that date' : ''}\n`);
    return EXIT.notFound;
  }
  io.stdout.write(`${JSON.stringify({ asOf: result.asOf, value: result.value }, null, 2)}\n`);
  return EXIT.ok;
}
