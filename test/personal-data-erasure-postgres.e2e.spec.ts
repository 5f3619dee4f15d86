import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { actors } from '@clas/application/testing';
import { runCli } from '../apps/cli/src/cli.js';
import { PostgresPersonalDataStore } from '@clas/personal-data';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { grepFiles } from './support/disk-grep.js';
import { seedSeason } from './support/season.seed.js';
import { all, childBody, secrets } from './support/erasure-secrets.js';
import { postgresTestUrl } from '@clas/event-store/testing';

/**
 * Issue 11 §6 on the PostgreSQL personal-data store: after `DELETE /persons/:id` or `clas erase`,
 * the files of `clas_persons` (heap, TOAST, indexes: `pg_relation_filepath` under the server's
 * `data_directory`) hold neither the name (nor the one a PUT replaced), the e-mail nor the phone,
 * even when a transaction older than the erasure was still reading the table. Needs the server
 * on this machine and its data directory readable (CI: root on the same machine).
 */
const POSTGRES_URL = postgresTestUrl('erasure leaves nothing in the table files');

function erasureSuite(serverUrl: string): void {
  describe('erasure leaves nothing in the PostgreSQL table files (API running)', () => {
    const database = `clas_erase_${randomBytes(4).toString('hex')}`;
    const url = Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString();
    const dir = mkdtempSync(join(tmpdir(), 'clas-erasure-pg-'));
    const env = {
      CLAS_SQLITE_PATH: join(dir, 'clas.sqlite'),
      CLAS_PERSONAL_DATA_PATH: url,
      CLAS_DATA_DIR: dir,
      CLAS_JWT_SECRET: 'an-erasure-test-secret-of-32-characters',
    };
    const admin = new pg.Client({ connectionString: serverUrl });
    const inDatabase = new pg.Client({ connectionString: url });
    const léa = { before: secrets('a'), after: secrets('b') };
    const noé = secrets('c');
    const others = Array.from({ length: 300 }, (_, i) => ({ personId: `child-x${String(i).padStart(3, '0')}`, ...secrets('d') }));
    let api: ApiHarness;
    let agent: string;
    let dataDirectory: string;
    const seen: string[] = [];

    /** The files of clas_persons now (flushed first), and every file it had before: a rewrite leaves none behind. */
    const tableFiles = async (): Promise<string[]> => {
      await inDatabase.query('CHECKPOINT');
      const { rows } = await inDatabase.query<{ path: string }>(`
        SELECT pg_relation_filepath(c.oid) AS path FROM pg_class c
         WHERE c.oid = 'clas_persons'::regclass
            OR c.oid = (SELECT reltoastrelid FROM pg_class WHERE oid = 'clas_persons'::regclass)
            OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN ('clas_persons'::regclass, (SELECT reltoastrelid FROM pg_class WHERE oid = 'clas_persons'::regclass)))`);
      for (const { path } of rows) if (path !== null && !seen.includes(join(dataDirectory, path))) seen.push(join(dataDirectory, path));
      // The files a VACUUM FULL replaced are unlinked (or emptied until the next checkpoint).
      return seen.filter((file) => existsSync(file));
    };
    const inTable = async (needles: string[]) => grepFiles(await tableFiles(), needles);
    const figures = async () => ({
      head: await api.store.headPosition(),
      log: await request(api.http)
        .get('/feed?limit=1000')
        .set('Authorization', api.bearer(actors.auditor))
        .expect(200)
        .then((r) => r.body),
      bilan: (await request(api.http).get('/cafs/11/bilans/2026-2027').set('Authorization', agent).expect(200)).body.bilan,
    });

    beforeAll(async () => {
      await admin.connect();
      dataDirectory = (await admin.query<{ data_directory: string }>('SHOW data_directory')).rows[0]!.data_directory;
      accessSync(dataDirectory, constants.R_OK);
      await admin.query(`CREATE DATABASE ${database}`);
      await inDatabase.connect();
      api = await startApi({}, env);
      agent = api.bearer(actors.agent);
      await seedSeason(api);
    }, 60_000);
    afterAll(async () => {
      await api?.close();
      await inDatabase.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    });

    it('the names are in the table files before the erasure (the check can see them)', async () => {
      const operator = api.bearer(actors.operator);
      await request(api.http).put('/persons/child-01').set('Authorization', operator).send(childBody(léa.before)).expect(200);
      await request(api.http).put('/persons/child-01').set('Authorization', operator).send(childBody(léa.after)).expect(200);
      await request(api.http).put('/persons/child-02').set('Authorization', operator).send(childBody(noé)).expect(200);
      const second = await PostgresPersonalDataStore.open(url);
      try {
        for (const o of others) {
          await second.put({
            personId: o.personId,
            kind: 'parent',
            firstName: o.firstName,
            lastName: o.lastName,
            contact: { email: o.email, phone: o.phone, address: `${o.lastName} ${'rue des Écoles '.repeat(20)}` },
            cafCode: '11',
            operatorId: 'op-1',
            updatedAt: '2026-11-02T10:00:00.000Z',
          });
        }
      } finally {
        await second.close();
      }
      expect([...(await inTable([...all(léa.after), ...all(noé)])).keys()].sort()).toEqual([...all(léa.after), ...all(noé)].sort());
      // The event log (a SQLite file here) and the rest of the data directory never see a name.
      expect(grepFiles([dir], [...all(léa.before), ...all(léa.after), ...all(noé)])).toEqual(new Map());
    });

    it('DELETE /persons/:id: the table files hold neither version of the name, nor the e-mail or phone; the log and every figure are unchanged', async () => {
      const before = await figures();
      await request(api.http).delete('/persons/child-01').set('Authorization', agent).expect(204);
      expect(await inTable([...all(léa.before), ...all(léa.after)])).toEqual(new Map());
      expect([...(await inTable(all(noé))).keys()].sort()).toEqual(all(noé).sort());
      expect(await figures()).toEqual(before);
    });

    it('clas erase while a transaction older than the erasure is still open: it waits for it, then nothing is left', async () => {
      const before = await figures();
      const reader = new pg.Client({ connectionString: url });
      await reader.connect();
      try {
        // A snapshot taken before the erasure, on other tables (no lock on clas_persons to wait
        // for): it could still read Noé, so VACUUM FULL would have to copy the dead row version.
        await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        await reader.query('SELECT count(*) FROM pg_class');
        const err: string[] = [];
        let finished = false;
        const erasing = runCli(['erase', 'child-02'], {
          stdout: { write: () => true },
          stderr: { write: (s: string) => err.push(s) },
          env,
          clock: { now: () => new Date() },
        }).finally(() => {
          finished = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(finished).toBe(false);
        await reader.query('COMMIT');
        expect(await erasing).toBe(0);
        expect(err.join('')).not.toContain('erased, but');
      } finally {
        await reader.end();
      }
      expect(await inTable(all(noé))).toEqual(new Map());
      expect(await figures()).toEqual(before);
    }, 60_000);

    it('erasing 250 more families leaves none of them in the rewritten files', async () => {
      const store = await PostgresPersonalDataStore.open(url);
      try {
        for (const o of others.slice(0, 250)) expect(await store.erase(o.personId)).toBe(true);
      } finally {
        await store.close();
      }
      expect(await inTable(others.slice(0, 250).flatMap(all))).toEqual(new Map());
      expect([...(await inTable(all(others[299]!))).keys()].sort()).toEqual(all(others[299]!).sort());
    }, 120_000);
  });
}

if (POSTGRES_URL !== null) erasureSuite(POSTGRES_URL);
