import { isAggregateId } from '@clas/domain';
import { EXIT, UsageError } from '../cli-io.js';
import type { CommandRun } from '../cli.js';
import { openPersonalData } from '@clas/personal-data';

/**
 * Right to erasure (domain.md §8): deletes the person's record (names, contacts) from the
 * personal-data store. The event log is not touched: the opaque id still counts in every figure.
 * Prints which fields were erased, never their values. Exit 4 when nothing was recorded for the id.
 */
export async function eraseCommand({ args, io, config }: CommandRun): Promise<number> {
  const personId = args.positionals[0]!;
  if (!isAggregateId(personId)) throw new UsageError(`not a person id: ${JSON.stringify(personId)}`, 'erase');
  const store = await openPersonalData(config);
  try {
    const record = await store.get(personId);
    const erased = record !== null && (await store.erase(personId));
    if (!erased) {
      io.stderr.write(`clas erase: no personal data recorded for ${personId} (the event log is untouched)\n`);
      return EXIT.notFound;
    }
    const contactFields = Object.entries(record.contact)
      .filter(([, value]) => value !== null)
      .map(([field]) => `contact.${field}`);
    io.stdout.write(
      `${JSON.stringify({ personId, erased: true, kind: record.kind, cafCode: record.cafCode, operatorId: record.operatorId, fields: ['firstName', 'lastName', ...contactFields], eventLog: 'untouched' })}\n`,
    );
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
