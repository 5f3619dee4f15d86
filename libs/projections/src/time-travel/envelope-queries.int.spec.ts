import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@clas/domain';
import type { EventStore } from '@clas/event-store';
import { createEventStore } from '@clas/event-store';
import { FakeClock } from '@clas/event-store/testing';
import { foldAsOf } from '../core/keyed-fold.js';
import type { AsOf } from '../core/keyed-fold.js';
import { envelopeAnswer } from '../answers/envelope.answer.js';
import { envelopeSeason } from '../answers/testing/envelope.fixtures.js';
import { paris } from '../answers/testing/scenario.fixtures.js';
import { campaignFold } from '../folds/campaign.fold.js';
import { projectFold } from '../folds/project.fold.js';
import { ClasQueries } from './clas-queries.js';
import { InMemoryStreamDirectory } from './in-memory-stream-directory.js';

const asOf = (at: string, knownAt = at): AsOf => ({ at: paris(at, '23:00'), knownAt: paris(knownAt, '23:00') });

describe('R-BUDGET-ENVELOPE: GET …/envelopes/… over the SQLite event store (time travel)', () => {
  let store: EventStore;
  let queries: ClasQueries;
  let log: RecordedEvent[];
  const season = envelopeSeason();

  beforeAll(async () => {
    const clock = new FakeClock('2026-01-01T00:00:00.000Z');
    store = await createEventStore({ kind: 'sqlite', path: ':memory:', clock });
    await season.script.appendTo(store, clock);
    queries = new ClasQueries(store, new InMemoryStreamDirectory(store), clock);
    log = [];
    for await (const event of store.readAll()) log.push(event as RecordedEvent);
  });
  afterAll(() => store.close());

  /** The pure answer on a fold of the whole log: what the reader must give by reading only the campaign's streams. */
  const folded = (a: AsOf) =>
    envelopeAnswer(
      '11',
      '2026-2027',
      ['p1', 'p2'].map((id) => foldAsOf(projectFold, id, log, a)),
      foldAsOf(campaignFold, '11:2026-2027', log, a),
      a,
    );

  it('R-BUDGET-ENVELOPE: at 10 December, known on 20 November then on 10 December: the amendment and the correction count once known', async () => {
    const before = await queries.envelope('11', '2026-2027', asOf('2026-12-10', '2026-11-20'));
    const after = await queries.envelope('11', '2026-2027', asOf('2026-12-10'));
    if (before.kind !== 'found' || after.kind !== 'found') throw new Error('expected the Aude envelope');
    expect(before.value).toMatchObject({ envelope: 1_000_000, committed: 1_258_760, remaining: -258_760, consumed: 300_000 });
    expect(after.value).toMatchObject({ envelope: 1_300_000, committed: 1_151_380, remaining: 148_620, consumed: 300_000 });
    expect(after.value.explanation.sourceEventIds).toEqual(expect.arrayContaining([season.amendedId, season.correctionId]));
    expect(before.value).toEqual(folded(asOf('2026-12-10', '2026-11-20')));
    expect(after.value).toEqual(folded(asOf('2026-12-10')));
  });

  it('R-BUDGET-ENVELOPE: before the envelope was set, the campaign answers unchecked; an unknown campaign is not found', async () => {
    const early = await queries.envelope('11', '2026-2027', asOf('2026-09-01'));
    expect(early.kind === 'found' && early.value).toMatchObject({ checked: false, envelope: null, committed: 0 });
    expect(await queries.envelope('40', '2026-2027')).toEqual({ kind: 'not_found', what: 'campaign', id: '40:2026-2027' });
  });
});
