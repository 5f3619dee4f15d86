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

    it('a reader (no writer lock) never alters nor empties the tables, even when their shape differs: only the writer synchronises', async () => {
      const dir = label === 'SQLite' ? mkdtempSync(join(tmpdir(), 'clas-read-reader-')) : null;
      const config: ReadDatabaseConfig = dir === null ? configFor('reader') : { url: join(dir, 'read.sqlite') };
      const checkpoint = { projection: 'clas', version: 3, signature: 'project@2', position: 41, updatedAt: '2026-11-02T09:00:00.000Z' };
      try {
        const writer = await ReadDatabase.open(config);
        try {
          await writer.transaction((tx) => new CheckpointRepository(writer).write(tx, checkpoint));
          await writer.query(`ALTER TABLE ${writer.table('rm_departmental_totals')} DROP COLUMN "caf_name"`);
        } finally {
          await writer.close();
        }
        const reader = await ReadDatabase.open(config, { role: 'reader' });
        try {
          // The rows and the older shape are still there: the DDL is left to the lock holder.
          expect(await new CheckpointRepository(reader).read(reader, 'clas')).toEqual(checkpoint);
          const pending = await reader.dataSource.driver.createSchemaBuilder().log();
          expect(pending.upQueries.length).toBeGreaterThan(0);
        } finally {
          await reader.close();
        }
      } finally {
        if (dir !== null) rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a shape change (a column missing) empties the tables before synchronising, so the projector rebuilds them', async () => {
      const dir = label === 'SQLite' ? mkdtempSync(join(tmpdir(), 'clas-read-shape-')) : null;
      const config: ReadDatabaseConfig = dir === null ? configFor('shape') : { url: join(dir, 'read.sqlite') };
      const checkpoint = { projection: 'clas', version: 3, signature: 'project@2', position: 41, updatedAt: '2026-11-02T09:00:00.000Z' };
      try {
        const first = await ReadDatabase.open(config);
        try {
          await first.transaction((tx) => new CheckpointRepository(first).write(tx, checkpoint));
          await first.query(`ALTER TABLE ${first.table('rm_departmental_totals')} DROP COLUMN "caf_name"`);
        } finally {
          await first.close();
        }
        const second = await ReadDatabase.open(config);
        try {
          const pending = await second.dataSource.driver.createSchemaBuilder().log();
          expect(pending.upQueries).toEqual([]);
          expect(await new CheckpointRepository(second).read(second, 'clas')).toBeNull();
        } finally {
          await second.close();
        }
      } finally {
        if (dir !== null) rmSync(dir, { recursive: true, force: true });
      }
    });

    if (label === 'PostgreSQL') {
      it('the dashboard tables carry COMMENTs, instants as timestamptz and explanations as jsonb', async () => {
        const config = configFor('comments');
        const db = await ReadDatabase.open(config);
        try {
          const types = await db.query<{ table_name: string; column_name: string; data_type: string }>(
            `SELECT table_name, column_name, data_type FROM information_schema.columns
              WHERE table_schema = $1 AND column_name IN ('as_of', 'explanation', 'view', 'caf_name') ORDER BY table_name, column_name`,
            [config.schema],
          );
          expect(types.map((t) => `${t.table_name}.${t.column_name} ${t.data_type}`)).toEqual([
            'rm_campaign.as_of timestamp with time zone',
            'rm_campaign.caf_name character varying',
            'rm_collectif.as_of timestamp with time zone',
            'rm_convention_status.as_of timestamp with time zone',
            'rm_convention_status.view jsonb',
            'rm_departmental_figures.caf_name character varying',
            'rm_departmental_totals.as_of timestamp with time zone',
            'rm_departmental_totals.caf_name character varying',
            'rm_operator.as_of timestamp with time zone',
            'rm_project_status.as_of timestamp with time zone',
            'rm_project_status.explanation jsonb',
          ]);
          const comments = await db.query<{ table_name: string; column_name: string | null; comment: string | null }>(
            `SELECT c.relname AS table_name, a.attname AS column_name, d.description AS comment
               FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
               LEFT JOIN pg_description d ON d.objoid = c.oid AND d.objsubid = COALESCE(a.attnum, 0)
              WHERE n.nspname = $1 AND c.relname IN ('rm_departmental_figures', 'rm_departmental_totals', 'rm_campaign', 'rm_operator', 'rm_collectif') AND c.relkind = 'r'
             UNION ALL
             SELECT c.relname, NULL, d.description FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               LEFT JOIN pg_description d ON d.objoid = c.oid AND d.objsubid = 0
              WHERE n.nspname = $1 AND c.relname IN ('rm_departmental_figures', 'rm_departmental_totals', 'rm_campaign', 'rm_operator', 'rm_collectif') AND c.relkind = 'r'`,
            [config.schema],
          );
          // Every column and table of the dashboard and list tables is documented in the database itself, units included.
          expect(comments.filter((c) => c.comment === null)).toEqual([]);
          expect(comments.length).toBeGreaterThan(40);
          const commentOf = (table: string, column: string | null): string | null | undefined =>
            comments.find((c) => c.table_name === table && c.column_name === column)?.comment;
          expect(commentOf('rm_departmental_totals', 'ps_paid_cents')).toContain('integer cents');
          expect(commentOf('rm_departmental_figures', 'caf_name')).toBe("name of the Caf, e.g. Caf de l'Aude");
          expect(commentOf('rm_departmental_figures', null)).toContain('one row per Caf');
        } finally {
          await db.close();
        }
      });
    }
  });
});
