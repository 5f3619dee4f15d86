import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Projector, ReadDatabase, clasReadModelProjection } from '@clas/projections';
import { actors } from '@clas/application/testing';
import { runCli } from '../apps/cli/src/cli.js';
import { SqlitePersonalDataStore } from '@clas/personal-data';
import type { PersonRecord } from '@clas/personal-data';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { grepFiles } from './support/disk-grep.js';
import { seedSeason } from './support/season.seed.js';
import { all, childBody, secrets } from './support/erasure-secrets.js';

/**
 * Issue 11 §6 / domain.md §8, right to erasure: after `DELETE /persons/:id` or `clas erase`,
 * while the API keeps running, no file of the data directory — event log, personal data and
 * read models, with their `-wal` and `-shm` — holds the name, the e-mail or the phone
 * (`grep -a`), including the name a PUT replaced; the log and every figure are unchanged.
 */
describe('erasure leaves nothing on disk (SQLite data directory, API running)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clas-erasure-'));
  const env = {
    CLAS_SQLITE_PATH: join(dir, 'clas.sqlite'),
    CLAS_PERSONAL_DATA_PATH: join(dir, 'clas-personal.sqlite'),
    CLAS_READ_DB: join(dir, 'clas-read.sqlite'),
    CLAS_DATA_DIR: dir,
    CLAS_JWT_SECRET: 'an-erasure-test-secret-of-32-characters',
  };
  const léa = { before: secrets('a'), after: secrets('b') };
  const noé = secrets('c');
  /** Other families, written and then erased through a second connection (as `clas erase` does): their pages go to the freelist. */
  const others = Array.from({ length: 300 }, (_, i) => ({ personId: `child-x${String(i).padStart(3, '0')}`, ...secrets('d') }));
  let api: ApiHarness;
  let agent: string;

  const onDisk = (needles: string[]) => grepFiles([dir], needles);
  const figures = async () => ({
    head: await api.store.headPosition(),
    log: await request(api.http)
      .get('/feed?limit=1000')
      .set('Authorization', api.bearer(actors.auditor))
      .expect(200)
      .then((r) => r.body),
    bilan: (await request(api.http).get('/cafs/11/bilans/2026-2027').set('Authorization', agent).expect(200)).body.bilan,
    history: (await request(api.http).get('/projects/prj-1/history').set('Authorization', api.bearer(actors.auditor)).expect(200)).body
      .events,
  });

  beforeAll(async () => {
    api = await startApi({}, env);
    agent = api.bearer(actors.agent);
    await seedSeason(api);
  }, 60_000);
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the names are on disk before the erasure (the check can see them), in the personal-data files only', async () => {
    const operator = api.bearer(actors.operator);
    await request(api.http).put('/persons/child-01').set('Authorization', operator).send(childBody(léa.before)).expect(200);
    // A correction: the first version must not survive the erasure either.
    await request(api.http).put('/persons/child-01').set('Authorization', operator).send(childBody(léa.after)).expect(200);
    await request(api.http).put('/persons/child-02').set('Authorization', operator).send(childBody(noé)).expect(200);
    // The replaced version is still on disk (the WAL keeps every committed page version).
    expect([...onDisk(all(léa.before)).keys()].sort()).toEqual(all(léa.before).sort());
    const second = new SqlitePersonalDataStore(env.CLAS_PERSONAL_DATA_PATH);
    try {
      for (const o of others) {
        const record: PersonRecord = {
          personId: o.personId,
          kind: 'parent',
          firstName: o.firstName,
          lastName: o.lastName,
          contact: { email: o.email, phone: o.phone, address: `${o.lastName} ${'rue des Écoles '.repeat(20)}` },
          cafCode: '11',
          operatorId: 'op-1',
          updatedAt: '2026-11-02T10:00:00.000Z',
        };
        await second.put(record);
      }
    } finally {
      await second.close();
    }
    // The read models too, from the log: they never see a name.
    const read = await ReadDatabase.open({ url: env.CLAS_READ_DB });
    await new Projector(api.store, read, clasReadModelProjection()).catchUp();
    await read.close();

    const found = onDisk([...all(léa.after), ...all(noé), others[0]!.lastName]);
    expect([...found.keys()].sort()).toEqual([...all(léa.after), ...all(noé), others[0]!.lastName].sort());
    for (const files of found.values()) for (const file of files) expect(file).toMatch(/clas-personal\.sqlite(-wal)?$/);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['clas.sqlite', 'clas-personal.sqlite', 'clas-read.sqlite']));
  });

  it('DELETE /persons/:id: no file holds the name (either version), e-mail or phone; the log and every figure are unchanged', async () => {
    const before = await figures();
    await request(api.http).delete('/persons/child-01').set('Authorization', agent).expect(204);
    expect(onDisk([...all(léa.before), ...all(léa.after)])).toEqual(new Map());
    // Still there: the check is not blind, and the erasure took one person only.
    expect([...onDisk(all(noé)).keys()].sort()).toEqual(all(noé).sort());
    expect(await figures()).toEqual(before);
  });

  it('clas erase, while the API keeps running: same, and the pages freed by erasing 300 more families hold nothing', async () => {
    const before = await figures();
    const run = async (personId: string) => {
      const err: string[] = [];
      const code = await runCli(['erase', personId], {
        stdout: { write: () => true },
        stderr: { write: (s: string) => err.push(s) },
        env,
        clock: { now: () => new Date() },
      });
      expect({
        personId,
        code,
        err: err
          .join('')
          .split('\n')
          .filter((l) => !l.includes('"configuration"') && l.trim() !== ''),
      }).toEqual({ personId, code: 0, err: [] });
    };
    await run('child-02');
    for (const o of others.slice(0, 250)) await run(o.personId);
    expect(onDisk([...all(noé), ...others.slice(0, 250).flatMap(all)])).toEqual(new Map());
    expect([...onDisk(all(others[299]!)).keys()].sort()).toEqual(all(others[299]!).sort());
    // The API still answers from its own connection: the person is gone there too.
    await request(api.http).get('/persons/child-02').set('Authorization', agent).expect(404);
    expect(await figures()).toEqual(before);
  }, 120_000);
});
