import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SqliteEventStore } from '@clas/event-store';
import { SettableClock, writeNationalLog } from '../../../../bench/generator/index.js';
import { ReadModelsUnavailableError } from '../read-models/read-model-queries.js';
import { ReadModelsRuntime, type ReadModelsRuntimeOptions } from './read-models-runtime.js';

/**
 * CLAS_PROJECTOR (issue 13): `embedded` projects in the serving process when the writer lock is
 * free at once, and only reads when another process holds it; `external` only reads. A reader
 * sees what the writer commits.
 */
describe('ReadModelsRuntime: embedded or external projector', () => {
  let dir: string;
  let store: SqliteEventStore;
  const lines: Array<[string, Record<string, unknown>]> = [];
  const options = (mode: ReadModelsRuntimeOptions['mode']): ReadModelsRuntimeOptions => ({
    store,
    readDb: join(dir, 'read.sqlite'),
    mode,
    log: (message, fields) => lines.push([message, fields]),
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clas-read-runtime-'));
    const clock = new SettableClock();
    store = new SqliteEventStore({ path: ':memory:', clock });
    await writeNationalLog(store, clock, { cafs: 1, collectifsPerCaf: 3, years: 1, seed: 5 });
  }, 60_000);

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an external reader before any writer created the tables: the lists are unavailable, not an SQL error', async () => {
    const early = await ReadModelsRuntime.open({ ...options('external'), readDb: join(dir, 'not-yet.sqlite') });
    try {
      expect(early.role).toBe('reader');
      await expect(early.queries.projects({}, { cafCode: null, operatorId: null })).rejects.toBeInstanceOf(ReadModelsUnavailableError);
      await expect(early.queries.operator('op-1')).rejects.toBeInstanceOf(ReadModelsUnavailableError);
    } finally {
      await early.close();
    }
  });

  it('the first embedded runtime writes and catches up; a second embedded one and an external one only read, and see its rows', async () => {
    const head = await store.headPosition();
    const writer = await ReadModelsRuntime.open(options('embedded'));
    try {
      expect(writer.role).toBe('writer');
      expect(await writer.queries.waitFor(head, 60_000)).toBe(true);
      const standby = await ReadModelsRuntime.open(options('embedded'));
      const external = await ReadModelsRuntime.open(options('external'));
      try {
        expect(standby.role).toBe('reader');
        expect(external.role).toBe('reader');
        expect(lines.map(([m]) => m)).toContain('read models written by another process: reading only');
        const written = await writer.queries.projects({ limit: 200 }, { cafCode: null, operatorId: null });
        expect(written.items.length).toBeGreaterThan(0);
        for (const reader of [standby, external]) {
          const read = await reader.queries.projects({ limit: 200 }, { cafCode: null, operatorId: null });
          expect(read.position).toBe(head);
          expect(read.items).toEqual(written.items);
        }
      } finally {
        await standby.close();
        await external.close();
      }
    } finally {
      await writer.close();
    }
    // The lock died with the writer: the next embedded runtime writes, from the committed checkpoint.
    const next = await ReadModelsRuntime.open(options('embedded'));
    try {
      expect(next.role).toBe('writer');
      expect((await next.queries.position()).position).toBe(head);
    } finally {
      await next.close();
    }
  }, 120_000);
});
