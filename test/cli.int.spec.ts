import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AUDE_2026_2027 } from '@clas/domain';
import { createEventStore } from '@clas/event-store';
import { JsonLogger, loadConfig } from '@clas/runtime';
import { TokenService } from '@clas/auth';
import { createApi } from '../apps/api/src/bootstrap.js';
import { runCli } from '../apps/cli/src/cli.js';
import { COMMAND_SPECS } from '../apps/cli/src/command-specs.js';
import { AUDE } from '../apps/cli/src/demo/aude-season.js';
import { LANDES } from '../apps/cli/src/demo/landes-season.js';

/** Today, for the demo and the default `at`/`knownAt`: a fixed instant so the season is the same on every run. */
const TODAY = '2026-11-22T12:00:00.000Z';
const SECRET = 'a-test-secret-of-at-least-32-characters!';

interface Run {
  code: number;
  out: string;
  err: string;
}

const dir = mkdtempSync(join(tmpdir(), 'clas-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The env of one database: log, personal data, read models and generated secrets (beside the log) in the temporary directory. */
const envOf = (name: string): NodeJS.ProcessEnv => ({
  CLAS_SQLITE_PATH: join(dir, `${name}.sqlite`),
  CLAS_PERSONAL_DATA_PATH: join(dir, `${name}-personal.sqlite`),
  CLAS_READ_DB: join(dir, `${name}-read.sqlite`),
  CLAS_JWT_SECRET: SECRET,
});

async function clas(argv: string[], env: NodeJS.ProcessEnv = envOf('scratch')): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    env,
    clock: { now: () => new Date(TODAY) },
  });
  return { code, out: out.join(''), err: err.join('') };
}

const value = (run: Run) => (JSON.parse(run.out) as { value: any }).value;

describe('clas --help and bad arguments', () => {
  it('lists every command, and each command documents its options', async () => {
    const help = await clas(['--help']);
    expect(help.code).toBe(0);
    for (const spec of COMMAND_SPECS) expect(help.out).toContain(`  ${spec.name} `);
    expect(COMMAND_SPECS.map((s) => s.name)).toEqual([
      'serve',
      'demo',
      'import',
      'export',
      'restore',
      'rebuild',
      'query',
      'token',
      'erase',
      'verify',
      'seal',
      'seal-key',
    ]);
    const demo = await clas(['demo', '--help']);
    expect(demo.code).toBe(0);
    expect(demo.out).toContain('--reset');
    const query = await clas(['query', '--help']);
    expect(query.out).toContain('--known-at');
    expect(query.out).toContain('departmental <cafCode> <year>');
  });

  it('exits 2 with a message on a missing command, an unknown one, a missing argument, an unknown option or a bad value', async () => {
    expect((await clas([])).code).toBe(2);
    const unknown = await clas(['frobnicate']);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toContain('unknown command "frobnicate"');
    const missing = await clas(['query', 'ps']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Usage: clas query');
    const option = await clas(['export', '--bogus']);
    expect(option.code).toBe(2);
    expect(option.err).toContain("Unknown option '--bogus'");
    const role = await clas(['token', '--role', 'root']);
    expect(role.code).toBe(2);
    expect(role.err).toContain('--role must be one of');
    const date = await clas(['query', 'ps', 'prj-1', '--at', '20/10/2026']);
    expect(date.code).toBe(2);
    expect(date.err).toContain('--at must be a date YYYY-MM-DD or an ISO instant');
  });

  it('refuses an invalid configuration with the variable named, before doing anything', async () => {
    const run = await clas(['export'], { ...envOf('scratch'), CLAS_EVENT_STORE: 'mongodb' });
    expect(run.code).toBe(2);
    expect(run.err).toContain('CLAS_EVENT_STORE="mongodb" must be one of sqlite, postgres');
  });
});

describe('clas demo, then queries on its database', () => {
  // No CLAS_JWT_SECRET: the demo signs its tokens with the secret generated beside the log, the one the API will read.
  const { CLAS_JWT_SECRET: _unset, ...env } = envOf('demo');
  let demo: Run;
  let elapsedMs: number;

  beforeAll(async () => {
    const started = performance.now();
    demo = await clas(['demo', '--reset'], env);
    elapsedMs = performance.now() - started;
  }, 120_000);

  it('plays the season quickly, prints the configuration and progress on stderr, the summary, queries and tokens on stdout', () => {
    expect(demo.code).toBe(0);
    expect(elapsedMs).toBeLessThan(60_000);
    const config = JSON.parse(demo.err.split('\n').find((l) => l.includes('"configuration"'))!) as Record<string, unknown>;
    expect(config).toMatchObject({
      command: 'demo',
      eventStore: 'sqlite',
      sqlitePath: env.CLAS_SQLITE_PATH,
      jwtSecret: null,
      dataDir: dir,
    });
    expect(demo.err).toMatch(/demo 2025-10 +\d+ commands/);
    expect(demo.err).toContain('100.0%');
    expect(demo.out).toMatch(/40-2025-2026 +\d+ events/);
    expect(demo.out).toMatch(/11-2026-2027 +\d+ events/);
    expect(demo.out).toContain(`/projects/${AUDE.limoux.projectId}/eligibility?at=2026-10-20&knownAt=2026-10-20`);
    // R-COMMITTEE-ORIENTATIONS: the 5 October meeting ranked as it opened (Varsovie: QPV 3 + collège 2), and the query to ask it.
    expect(demo.out).toContain(`${AUDE.meetingId}: ${AUDE.varsovie.projectId} 5 pts`);
    expect(demo.out).toContain(`/committees/11/2026-2027/meetings/${AUDE.meetingId}/ranking?at=`);
    for (const name of [
      'TOKEN_CAF_AGENT_11',
      'TOKEN_CAF_AGENT_40',
      'TOKEN_COMMITTEE_11',
      'TOKEN_OPERATOR',
      'TOKEN_AUDITOR',
      'TOKEN_DASHBOARD_11',
    ]) {
      expect(demo.out).toMatch(new RegExp(`export ${name}=[\\w-]+\\.[\\w-]+\\.[\\w-]+`));
    }
  });

  it('prints tokens the API accepts: the secret generated beside the log (mode 0600), the demo actors, valid CLAS_TOKEN_MAX_TTL (12h)', async () => {
    const secretFile = join(dir, 'jwt-secret');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const token = (name: string) => new RegExp(`export ${name}=(\\S+)`).exec(demo.out)![1]!;
    const tokens = new TokenService(readFileSync(secretFile, 'utf8').trim(), 12 * 3600);
    expect(tokens.verify(token('TOKEN_OPERATOR'))).toEqual({
      id: `user-${AUDE.lireGrandir.operatorId}`,
      role: 'operator',
      caf: null,
      operatorId: AUDE.lireGrandir.operatorId,
    });
    const payload = JSON.parse(Buffer.from(token('TOKEN_OPERATOR').split('.')[1]!, 'base64url').toString()) as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBe(12 * 3600);
    expect(demo.out).toContain('Tokens (valid 12h, CLAS_TOKEN_MAX_TTL;');
    // The API started with the same environment reads the same file and accepts them.
    const store = await createEventStore({ kind: 'sqlite', path: env.CLAS_SQLITE_PATH! });
    const api = await createApi(loadConfig(env), store, new JsonLogger('api', new Set(), () => undefined));
    try {
      await api.init();
      await request(api.getHttpServer())
        .get(`/projects/${AUDE.limoux.projectId}/eligibility`)
        .set('Authorization', `Bearer ${token('TOKEN_COMMITTEE_11')}`)
        .expect(200);
      await request(api.getHttpServer())
        .get('/feed')
        .set('Authorization', `Bearer ${token('TOKEN_AUDITOR')}`)
        .expect(200);
      // So does `clas token`, with the same environment.
      const cli = await clas(['token', '--role', 'auditor'], env);
      expect(JSON.parse(cli.err.trim().split('\n').at(-1)!)).toMatchObject({
        msg: 'token issued',
        ttl: '8h',
        secret: 'file',
        secretPath: secretFile,
      });
      await request(api.getHttpServer()).get('/feed').set('Authorization', `Bearer ${cli.out.trim()}`).expect(200);
    } finally {
      await api.close();
      await store.close();
    }
  }, 60_000);

  it('refuses to play twice on the same database', async () => {
    const again = await clas(['demo'], env);
    expect(again.code).toBe(1);
    expect(again.err).toContain('the demo has already been played on this database');
    expect(again.err).toContain('--reset');
  });

  it('worked example 3: the corrected decision gives 2 collectifs as known on 2026-10-20, 3 as known now', async () => {
    const then = await clas(['query', 'eligibility', AUDE.limoux.projectId, '--at', '2026-10-20', '--known-at', '2026-10-20'], env);
    const now = await clas(['query', 'eligibility', AUDE.limoux.projectId, '--at', '2026-10-20'], env);
    expect(then.code).toBe(0);
    expect(value(then).decision.approvedCollectifs).toBe(2);
    expect(value(now).decision.approvedCollectifs).toBe(3);
    expect(JSON.parse(then.out).asOf).toEqual({ at: '2026-10-20T21:59:59.999Z', knownAt: '2026-10-20T21:59:59.999Z' });
    const history = await clas(['query', 'history', AUDE.limoux.projectId], env);
    const corrected = (value(history) as Array<{ type: string; occurredAt: string; recordedAt: string }>).find(
      (e) => e.type === 'CommitteeDecisionCorrected',
    )!;
    expect(corrected.recordedAt.slice(0, 10)).toBe('2026-11-10');
    expect(corrected.occurredAt.slice(0, 10)).toBe('2026-10-05');
  });

  it('worked examples 1 and 2: Aude 6 293,80 €, Landes rural 900,00 €; the Landes year ends with a recovery', async () => {
    const landes = await clas(['query', 'ps', LANDES.labrit.projectId, '--at', '2025-10-10'], env);
    expect(value(landes)).toMatchObject({ basis: 'forecast', payable: 90_000 });
    const aude = await clas(['query', 'ps', AUDE.lireGrandir.projectId, '--at', '2026-10-20'], env);
    expect(value(aude).forecast.payable).toBe(629_380);
    // The rural collectif ran its 30 weeks in compliance: the actual PS is the forecast, the balance was paid.
    const labritNow = value(await clas(['query', 'ps', LANDES.labrit.projectId], env));
    expect(labritNow).toMatchObject({ basis: 'actual', payable: 90_000, paid: 90_000, due: 0, toRecover: 0 });
    const severNow = value(await clas(['query', 'ps', LANDES.saintSever.projectId], env));
    expect(severNow.basis).toBe('actual');
    expect(severNow.paid).toBe(severNow.payable);
    const severHistory = value(await clas(['query', 'history', LANDES.saintSever.projectId], env)) as Array<{ type: string }>;
    expect(severHistory.map((e) => e.type)).toEqual(
      expect.arrayContaining(['AdvancePaid', 'BilanFiled', 'BilanValidated', 'RecoveryIssued']),
    );
  });

  it('departmental bilans are not empty, and a late attendance sheet shows only once it was recorded', async () => {
    const landes = value(await clas(['query', 'departmental', '40', '2025-2026'], env));
    expect(landes.bilan.totals.projectIds).toEqual([LANDES.labrit.projectId, LANDES.saintSever.projectId]);
    expect(landes.bilan.totals.compliantCollectifs).toBe(2);
    const aude = value(await clas(['query', 'departmental', '11', '2026-2027'], env));
    expect(aude.bilan.totals.projectIds).toHaveLength(3);
    expect(aude.bilan.totals.children).toBeGreaterThan(50);
    const unmarked = async (knownAt: string[]) =>
      (
        value(await clas(['query', 'bilan', AUDE.lireGrandir.projectId, '--at', '2026-11-13', ...knownAt], env)).quantitative
          .collectifs as Array<{ attendance: { unmarked: number } }>
      ).map((c) => c.attendance.unmarked);
    expect((await unmarked(['--known-at', '2026-11-13'])).every((n) => n > 0)).toBe(true);
    expect(await unmarked([])).toEqual([0, 0]);
  });

  it('R-BUDGET-ENVELOPE: Aude’s envelope, exceeded by Le Lien’s approval with its override on 5 October, covered since the 2 November amendment', async () => {
    const then = value(await clas(['query', 'envelope', '11', '2026-2027', '--at', '2026-10-20', '--known-at', '2026-10-20'], env));
    expect(then).toMatchObject({ envelope: 1_400_000, committed: 1_472_950, remaining: -72_950 });
    expect(then.overrides).toEqual([expect.objectContaining({ projectId: AUDE.leLien.projectId, excess: 72_950 })]);
    // The same day as known now: Limoux's correction of 10 November applies from its decision (worked example 3), the amendment not yet.
    const thenKnownNow = value(await clas(['query', 'envelope', '11', '2026-2027', '--at', '2026-10-20'], env));
    expect(thenKnownNow).toMatchObject({ envelope: 1_400_000, committed: 1_690_570, remaining: -290_570 });
    // Since then: 6 000 € more, and Limoux corrected to 3 collectifs (2 × 2 811,90 € → 3 × 2 600 €).
    const now = value(await clas(['query', 'envelope', '11', '2026-2027'], env));
    expect(now).toMatchObject({ envelope: 2_000_000, committed: 1_690_570, remaining: 309_430 });
  });

  it('the convention shows the operator history, one validated and one pending amendment', async () => {
    const convention = value(await clas(['query', 'convention', LANDES.conventionId], env));
    expect(convention.multiYear.support.years.map((y: { value: string }) => y.value)).toEqual(['2023-2024', '2024-2025']);
    expect(convention.view.amendments.map((a: { amendmentId: string; status: string }) => [a.amendmentId, a.status])).toEqual([
      ['am-1', 'validated'],
      ['am-2', 'pending'],
    ]);
  });

  it('exits 4 with a message on stderr for an unknown id, or one that did not exist at the date', async () => {
    const unknown = await clas(['query', 'ps', 'prj-nope'], env);
    expect(unknown).toMatchObject({ code: 4, out: '' });
    expect(unknown.err).toContain('project prj-nope not found');
    expect((await clas(['query', 'eligibility', AUDE.limoux.projectId, '--known-at', '2026-07-01'], env)).code).toBe(4);
    expect((await clas(['query', 'departmental', '53', '2023-2024'], env)).code).toBe(4);
    // R-COMMITTEE-MEETING: the Aude committee and its meeting of 5 October, ranked as it opened.
    const committee = value(await clas(['query', 'committee', '11', '2026-2027'], env));
    expect(committee.meetings.map((m: { meetingId: string }) => m.meetingId)).toEqual([AUDE.meetingId]);
    expect(committee.meetings[0].decisions).toHaveLength(3);
    const ranking = value(await clas(['query', 'ranking', '11', '2026-2027', AUDE.meetingId, '--at', '2026-10-05T12:30:00+02:00'], env));
    expect(ranking.entries[0]).toMatchObject({ projectId: AUDE.varsovie.projectId, score: 5 });
    expect((await clas(['query', 'ranking', '11', '2026-2027'], env)).code).toBe(2);
  });

  it('erase removes the names of a demo child from the personal-data store, once', async () => {
    const erased = await clas(['erase', 'child-40-labrit-01'], env);
    expect(erased.code).toBe(0);
    expect(JSON.parse(erased.out)).toMatchObject({
      personId: 'child-40-labrit-01',
      erased: true,
      kind: 'child',
      fields: ['firstName', 'lastName'],
      eventLog: 'untouched',
    });
    expect(erased.out).not.toMatch(/Léa|Martin/);
    expect((await clas(['erase', 'child-40-labrit-01'], env)).code).toBe(4);
    // The child still counts: the log is untouched.
    const bilan = value(await clas(['query', 'bilan', LANDES.labrit.projectId], env));
    expect(bilan.quantitative.collectifs[0].childrenEnrolled.value).toBeGreaterThanOrEqual(6);
  });

  it('export → restore into an empty store → export gives the same events; restore refuses a non-empty store', async () => {
    const file = join(dir, 'demo.ndjson');
    const exported = await clas(['export', '--out', file], env);
    expect(exported.code).toBe(0);
    const all = readFileSync(file, 'utf8').trim().split('\n');
    // The demo ends sealed: the export carries its seal lines after the events they cover.
    const lines = all.filter((l) => !l.startsWith('{"seal"'));
    expect(all.length - lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeGreaterThan(500);
    const copy = envOf('restored');
    expect((await clas(['restore', file], copy)).code).toBe(0);
    const again = await clas(['export'], copy);
    const strip = (line: string) => {
      const e = JSON.parse(line) as {
        eventId: string;
        streamId: string;
        streamVersion: number;
        globalPosition: number;
        type: string;
        occurredAt: string;
        recordedAt: string;
        data: unknown;
      };
      return [e.eventId, e.streamId, e.streamVersion, e.globalPosition, e.type, e.occurredAt, e.recordedAt, JSON.stringify(e.data)];
    };
    // Exporting the restored log seals it first: its seal lines are its own.
    expect(
      again.out
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('{"seal"'))
        .map(strip),
    ).toEqual(lines.map(strip));
    const refused = await clas(['restore', file], copy);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('the event store is not empty');
  });

  it('the demo ends sealed: verify recomputes every chain and seal (exit 0, JSON summary, progress on stderr)', async () => {
    const run = await clas(['verify'], env);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.out) as { events: number; seals: { checked: number } };
    expect(summary).toMatchObject({
      ok: true,
      break: null,
      seals: { signatures: 'checked' },
      unsealed: { events: 0 },
      source: { store: 'sqlite' },
    });
    expect(summary.events).toBeGreaterThan(500);
    expect(summary.seals.checked).toBeGreaterThanOrEqual(1);
    expect(run.err).toMatch(/verify \[#+\] 100\.0%/);
    expect(run.err).toContain('every event is covered by a signed seal');
  });

  it('an auditor checks an export with the public key alone, no database; a backdated line is named (exit 3)', async () => {
    const key = join(dir, 'seal-public.pem');
    const printed = await clas(['seal-key'], env);
    expect(printed.code).toBe(0);
    expect(printed.out).toContain('-----BEGIN PUBLIC KEY-----');
    writeFileSync(key, printed.out);
    const file = join(dir, 'audited.ndjson');
    expect((await clas(['export', '--out', file], env)).code).toBe(0);
    const nowhere = { CLAS_SQLITE_PATH: join(dir, 'nowhere', 'none.sqlite'), CLAS_DATA_DIR: join(dir, 'nowhere') };
    const intact = await clas(['verify', '--export', file, '--public-key', key], nowhere);
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.out)).toMatchObject({ ok: true, source: { export: file }, unsealed: { events: 0 } });
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);

    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const victim = lines.findIndex((l) => l.includes('"recordedAt":"2025-10'));
    const { globalPosition, streamId } = JSON.parse(lines[victim]!) as { globalPosition: number; streamId: string };
    const tampered = join(dir, 'backdated.ndjson');
    writeFileSync(
      tampered,
      lines.map((l, i) => (i === victim ? l.replace('"recordedAt":"2025-10', '"recordedAt":"2025-09') : l)).join('\n'),
    );
    const broken = await clas(['verify', '--export', tampered, '--public-key', key], nowhere);
    expect(broken.code).toBe(3);
    expect(JSON.parse(broken.out).break).toMatchObject({ problem: 'hash_mismatch', position: globalPosition, streamId });
    expect(broken.err).toContain(`BROKEN at position ${globalPosition} (stream ${streamId}`);
  });

  it('an event edited in the database: seal refuses to sign over it and verify names it (exit 3)', async () => {
    const file = join(dir, 'to-tamper.ndjson');
    expect((await clas(['export', '--out', file], env)).code).toBe(0);
    const copy = envOf('tampered');
    expect((await clas(['restore', file], copy)).code).toBe(0);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(copy.CLAS_SQLITE_PATH!);
    const { stream_id: streamId } = raw.prepare('SELECT stream_id FROM events WHERE global_position = 100').get() as { stream_id: string };
    raw.prepare(`UPDATE events SET data = json_set(data, '$.edited', 1) WHERE global_position = 100`).run();
    raw.close();
    const seal = await clas(['seal'], copy);
    expect(seal.code).toBe(3);
    expect(JSON.parse(seal.out)).toMatchObject({ status: 'refused', break: { position: 100, streamId } });
    const verify = await clas(['verify'], copy);
    expect(verify.code).toBe(3);
    expect(JSON.parse(verify.out)).toMatchObject({ ok: false, break: { problem: 'hash_mismatch', position: 100, streamId } });
    expect(verify.err).toContain(`BROKEN at position 100 (stream ${streamId}`);
  });

  it('refuses verify arguments that do not go together (exit 2)', async () => {
    expect((await clas(['verify', '--export', join(dir, 'audited.ndjson')], env)).err).toContain('--export needs --public-key');
    expect((await clas(['verify', '--from', 'ten'], env)).code).toBe(2);
    const both = await clas(
      ['verify', '--export', join(dir, 'audited.ndjson'), '--public-key', join(dir, 'seal-public.pem'), '--from', '3'],
      env,
    );
    expect(both.code).toBe(2);
    expect(both.err).toContain('--from applies to the store');
    const notAKey = await clas(['verify', '--export', join(dir, 'audited.ndjson'), '--public-key', join(dir, 'audited.ndjson')], env);
    expect(notAKey.code).toBe(2);
    expect(notAKey.err).toContain('holds no PEM public key');
  });

  it('rebuild replays the log into the read models with a progress bar', async () => {
    const rebuilt = await clas(['rebuild'], env);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.err).toMatch(/rebuild \[#+\] 100\.0%/);
    expect(rebuilt.err).toContain('"msg":"rebuilt"');
  }, 60_000);
});

describe('clas import', () => {
  const line = (command: object) => JSON.stringify(command);
  const openCampaign = {
    type: 'OpenCampaign',
    commandId: 'imp-1',
    occurredAt: '2026-04-01T08:00:00Z',
    data: { parameters: AUDE_2026_2027 },
  };
  const register = {
    type: 'RegisterOperator',
    commandId: 'imp-2',
    occurredAt: '2026-04-10T08:00:00Z',
    data: { operatorId: 'op-imp', cafCode: '11', name: 'Association Import', kind: 'association' },
  };

  it('reports each line (accepted, duplicate, rejected, invalid) as JSON on stdout, the totals, and exits 1 when a line failed', async () => {
    const env = envOf('import');
    const file = join(dir, 'commands.ndjson');
    const lateFiling = {
      type: 'FileApplication',
      commandId: 'imp-3',
      occurredAt: '2026-04-12T08:00:00Z',
      data: { projectId: 'prj-imp', operatorId: 'op-imp', cafCode: '11', schoolYear: '2026-2027', applicationKind: 'new', content: {} },
    };
    writeFileSync(
      file,
      [
        line(openCampaign),
        line(register),
        line(register),
        '',
        '{"type": "OpenCampaign", oops',
        line({ ...register, type: 'Teleport', commandId: 'imp-4' }),
        line(lateFiling),
      ].join('\n') + '\n',
    );
    const run = await clas(['import', file], env);
    expect(run.code).toBe(1);
    const reports = run.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, any>);
    expect(reports.slice(0, -1).map((r) => [r.line, r.status])).toEqual([
      [1, 'accepted'],
      [2, 'accepted'],
      [3, 'duplicate'],
      [5, 'invalid'],
      [6, 'invalid'],
      [7, 'invalid'],
    ]);
    expect(reports[0]).toMatchObject({ commandId: 'imp-1', type: 'OpenCampaign', streamId: 'campaign-11-2026-2027' });
    expect(reports[3]!.reason).toContain('malformed JSON');
    expect(reports[4]!.reason).toContain('unknown command type "Teleport"');
    expect(reports[5]!.reason).toContain('R-INPUT');
    expect(reports.at(-1)).toEqual({ totals: { lines: 6, accepted: 2, rejected: 0, duplicate: 1, invalid: 3 } });
    expect(run.err).toMatch(/import \[#+\] 100\.0% 7 lines/);
  });

  it('reports a business refusal as rejected with its rule, and exits 0 when every line is accepted or a duplicate', async () => {
    const env = envOf('import-2');
    const file = join(dir, 'good.ndjson');
    writeFileSync(file, [line(openCampaign), line(register), line(openCampaign)].join('\n'));
    const good = await clas(['import', file], env);
    expect(good.code).toBe(0);
    expect(good.out.trim().split('\n').at(-1)).toBe(
      JSON.stringify({ totals: { lines: 3, accepted: 2, rejected: 0, duplicate: 1, invalid: 0 } }),
    );
    const again = join(dir, 'again.ndjson');
    writeFileSync(again, line({ ...openCampaign, commandId: 'imp-9' }));
    const refused = await clas(['import', again], env);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out.split('\n')[0]!)).toMatchObject({
      line: 1,
      status: 'rejected',
      reason: expect.stringContaining('CAMPAIGN_ALREADY_OPEN'),
    });
    expect((await clas(['import', join(dir, 'missing.ndjson')], env)).code).toBe(1);
  });

  it('R-IDEMPOTENCY: a line reusing a commandId for another command is rejected naming what differs, and the exit code is 1', async () => {
    const env = envOf('import-3');
    const file = join(dir, 'reused.ndjson');
    const otherOperator = { ...register, data: { ...register.data, operatorId: 'op-imp-2', name: 'Association Autre' } };
    writeFileSync(file, [line(openCampaign), line(register), line(otherOperator)].join('\n'));
    const run = await clas(['import', file], env);
    expect(run.code).toBe(1);
    const reports = run.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, any>);
    expect(reports[2]).toEqual({
      line: 3,
      status: 'rejected',
      commandId: 'imp-2',
      type: 'RegisterOperator',
      reason: expect.stringContaining('R-IDEMPOTENCY COMMAND_ID_REUSED'),
    });
    expect(reports[2]!.reason).toContain('(different target, payload)');
    expect(reports.at(-1)).toEqual({ totals: { lines: 3, accepted: 2, rejected: 1, duplicate: 0, invalid: 0 } });
    // Nothing of the third line was written: the log holds the campaign and the first operator only.
    const exported = await clas(['export'], env);
    expect(
      exported.out
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { streamId: string }).streamId),
    ).toEqual(['campaign-11-2026-2027', 'operator-op-imp']);
  });
});

describe('clas token', () => {
  it('prints a token signed with the configured secret, for the claims given', async () => {
    const run = await clas(['token', '--role', 'caf_agent', '--caf', '11', '--ttl', '2h']);
    expect(run.code).toBe(0);
    expect(new TokenService(SECRET, 12 * 3600).verify(run.out.trim())).toEqual({
      id: 'cli-caf_agent-11',
      role: 'caf_agent',
      caf: '11',
      operatorId: null,
    });
    const operator = await clas(['token', '--role', 'operator', '--operator', 'op-11-lire-grandir', '--sub', 'user-42']);
    expect(new TokenService(SECRET, 12 * 3600).verify(operator.out.trim())).toEqual({
      id: 'user-42',
      role: 'operator',
      caf: null,
      operatorId: 'op-11-lire-grandir',
    });
    const noOperator = await clas(['token', '--role', 'operator']);
    expect(noOperator.code).toBe(2);
    expect(noOperator.err).toContain('an operator token needs operatorId');
    expect((await clas(['token', '--role', 'auditor', '--ttl', 'forever'])).code).toBe(2);
  });

  const lifetimeOf = (token: string) => {
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { iat: number; exp: number };
    return payload.exp - payload.iat;
  };

  it('issues tokens within CLAS_TOKEN_MAX_TTL: 8h by default, capped by the maximum; a longer --ttl is refused naming the variable', async () => {
    expect(lifetimeOf((await clas(['token', '--role', 'auditor'])).out.trim())).toBe(8 * 3600);
    const short = { ...envOf('scratch'), CLAS_TOKEN_MAX_TTL: '1h' };
    expect(lifetimeOf((await clas(['token', '--role', 'auditor'], short)).out.trim())).toBe(3600);
    const tooLong = await clas(['token', '--role', 'auditor', '--ttl', '7d'], short);
    expect(tooLong).toMatchObject({ code: 2, out: '' });
    expect(tooLong.err).toContain('a lifetime of 7d exceeds the maximum of 1h (CLAS_TOKEN_MAX_TTL)');
  });

  it('with no CLAS_JWT_SECRET, bad input is refused before the secret file is generated (exit 2, nothing written)', async () => {
    const dataDir = join(dir, 'untouched');
    const env = { ...envOf('scratch'), CLAS_JWT_SECRET: undefined, CLAS_DATA_DIR: dataDir };
    const badRole = await clas(['token', '--role', 'root'], env);
    const noOperator = await clas(['token', '--role', 'operator'], env);
    const tooLong = await clas(['token', '--role', 'auditor', '--ttl', '13h'], env);
    const badMax = await clas(['token', '--role', 'auditor'], { ...env, CLAS_TOKEN_MAX_TTL: '0' });
    expect([badRole.code, noOperator.code, tooLong.code, badMax.code]).toEqual([2, 2, 2, 2]);
    expect(badMax.err).toContain('CLAS_TOKEN_MAX_TTL="0" must be a duration');
    expect(existsSync(dataDir)).toBe(false);
    const good = await clas(['token', '--role', 'auditor'], env);
    expect(good.code).toBe(0);
    expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
  });

  it('exits 2 naming CLAS_DATA_DIR when the secret cannot be created there', async () => {
    const notADirectory = join(dir, 'plain-file');
    writeFileSync(notADirectory, '');
    const run = await clas(['token', '--role', 'auditor'], {
      ...envOf('scratch'),
      CLAS_JWT_SECRET: undefined,
      CLAS_DATA_DIR: notADirectory,
    });
    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err).toContain(`CLAS_DATA_DIR="${notADirectory}": cannot read or create the token secret`);
  });
});
