import { randomBytes } from 'node:crypto';
import { postgresTestUrl } from '@clas/event-store/testing';
import { ReadDatabase, type ReadDatabaseConfig } from '../read-models/read-database.js';

/**
 * A read-model suite: `configFor(name)` gives each of its databases (SQLite in memory, or a
 * PostgreSQL schema of its own), `cleanup` runs after it.
 */
export type ReadDatabaseSuite = (
  label: 'SQLite' | 'PostgreSQL',
  configFor: (name: string) => ReadDatabaseConfig,
  cleanup?: () => Promise<void>,
) => void;

/**
 * Runs a read-model suite on both databases the projector writes: SQLite in memory, then
 * PostgreSQL in throw-away schemas dropped afterwards (skipped loudly without a server,
 * mandatory in CI: postgresTestUrl).
 */
export function onBothReadDatabases(what: string, suite: ReadDatabaseSuite): void {
  suite('SQLite', () => ({ url: ':memory:' }));
  const url = postgresTestUrl(what);
  if (url === null) return;
  const run = `rm_${randomBytes(4).toString('hex')}`;
  const schemas = new Set<string>();
  suite(
    'PostgreSQL',
    (name) => {
      const schema = `${run}_${name.replace(/[^a-z0-9]/g, '_')}`;
      schemas.add(schema);
      return { url, schema };
    },
    async () => {
      const db = await ReadDatabase.open({ url, schema: run });
      try {
        for (const schema of [...schemas, run]) await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await db.close();
      }
    },
  );
}
