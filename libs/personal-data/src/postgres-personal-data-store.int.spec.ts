import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { postgresTestUrl } from '@clas/event-store/testing';
import { PostgresPersonalDataStore } from './postgres-personal-data-store.js';
import { personalDataStoreContract } from './testing/personal-data-store.contract.js';

const POSTGRES_URL = postgresTestUrl('the personal-data store contract');

/**
 * A throw-away database: clas_persons is created in the database the URL names, and an erasure
 * waits for the snapshots of that database only, so other suites on the server neither see the
 * records nor delay the erasures.
 */
if (POSTGRES_URL) {
  personalDataStoreContract('PostgreSQL', async () => {
    const database = `clas_persons_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = Object.assign(new URL(POSTGRES_URL), { pathname: `/${database}` }).toString();
    return {
      open: () => PostgresPersonalDataStore.open(url),
      dispose: async () => {
        try {
          // pool.end() resolves once its clients are told to end, before their server sessions
          // are gone: a DROP … WITH (FORCE) then would kill them, and pg reports it as an error.
          for (let waited = 0; waited < 5_000; waited += 50) {
            const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [
              database,
            ]);
            if (rows[0]!.n === 0) break;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        } finally {
          await admin.end();
        }
      },
    };
  });
}
