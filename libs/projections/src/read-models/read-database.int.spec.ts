import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { onBothReadDatabases } from '../testing/read-database-suites.js';
import { CheckpointRepository } from './checkpoint.repository.js';
import { ReadDatabase, type ReadDatabaseConfig } from './read-database.js';

/**
 * The read database's only migration is TypeORM's synchronize at every open. It must converge:
 * a database opened again (the next start, or a newer TypeORM on tables an older one created)
 * gets no DDL, so no table or column is dropped and re-created under the projector's rows.
 */
onBothReadDatabases('reopening a read database', (label, configFor, cleanup) => {
  if (cleanup) afterAll(cleanup);
  describe(`the read database's schema on ${label}`, () => {
    it('a reopened database needs no DDL and keeps its rows', async () => {
      // SQLite in memory would not survive the close: a file stands for the next start.
      const dir = label === 'SQLite' ? mkdtempSync(join(tmpdir(), 'clas-read-reopen-')) : null;
      const config: ReadDatabaseConfig = dir === null ? configFor('reopen') : { url: join(dir, 'read.sqlite') };
      const checkpoint = { projection: 'clas', version: 3, signature: 'project@2', position: 41, updatedAt: '2026-11-02T09:00:00.000Z' };
      try {
        const first = await ReadDatabase.open(config);
        try {
          await first.transaction((tx) => new CheckpointRepository(first).write(tx, checkpoint));
        } finally {
          await first.close();
        }
        const second = await ReadDatabase.open(config);
        try {
          const pending = await second.dataSource.driver.createSchemaBuilder().log();
          expect(pending.upQueries.map((q) => q.query)).toEqual([]);
          expect(await new CheckpointRepository(second).read(second, 'clas')).toEqual(checkpoint);
        } finally {
          await second.close();
        }
      } finally {
        if (dir !== null) rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
