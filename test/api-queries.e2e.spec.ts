import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { actors } from '@clas/application/testing';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { CHILDREN, seedSeason } from './support/season.seed.js';

/** Issue 6 queries over the real ClasQueries and a real SQLite store, seeded through the real bus. */
describe('query endpoints at any date (issue 6)', () => {
  let api: ApiHarness;
  let agent: string;
  const get = (path: string, bearer = agent) => request(api.http).get(path).set('Authorization', bearer);
  const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };

  beforeAll(async () => {
    api = await startApi();
    agent = api.bearer(actors.agent);
    await seedSeason(api);
  });
  afterAll(() => api.close());

  it('eligibility, payable PS, bilan: 200 for the Caf agent, with the date asked', async () => {
    const eligibility = await get('/projects/prj-1/eligibility?at=2026-10-20').expect(200);
    expect(eligibility.body.asOf.at).toBe('2026-10-20T21:59:59.999Z');
    expect(eligibility.body.day).toBe('2026-10-20');
    const ps = await get('/projects/prj-1/ps').expect(200);
    expect(ps.body).toHaveProperty('asOf');
    const bilan = await get('/projects/prj-1/bilan').expect(200);
    expect(bilan.body).toMatchObject({ projectId: 'prj-1', schoolYear: '2026-2027' });
    expect(bilan.body.quantitative.children.total.value).toBe(CHILDREN.length);
  });

  it('time travel: before the application was recorded the project did not exist (404)', async () => {
    const res = await get('/projects/prj-1/eligibility?knownAt=2026-06-01').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', what: 'project', id: 'prj-1' });
  });

  it('at / knownAt: invalid → 400 naming the parameter; knownAt in the future → 400', async () => {
    const bad = await get('/projects/prj-1/ps?at=yesterday').expect(400);
    expect(bad.body.errors).toEqual([
      { field: 'at', message: 'must be a date YYYY-MM-DD (the end of that Paris day) or an ISO instant with a zone, in years 1900–2199' },
    ]);
    const impossible = await get('/projects/prj-1/ps?knownAt=2026-02-30').expect(400);
    expect(impossible.body.errors[0].field).toBe('knownAt');
    const future = await get('/projects/prj-1/ps?knownAt=2199-01-01').expect(400);
    expect(future.body.errors).toEqual([{ field: 'knownAt', message: 'must not be in the future' }]);
    await get('/projects/prj-1/ps?at=2199-12-31').expect(200);
  });

  it('at / knownAt: impossible or out-of-range dates (R-INPUT, years 1900–2199) → 400 naming the parameter, never a roll-over or a 500', async () => {
    for (const query of [
      'at=2026-02-30T10:00:00Z',
      'at=2026-13-01',
      'at=9999-12-31',
      'at=2200-01-01',
      'at=1899-12-31',
      'knownAt=2026-02-29',
      'knownAt=2026-04-31T10:00:00%2B02:00',
      'knownAt=2026-10-20T24:00:00Z',
    ]) {
      const res = await get(`/projects/prj-1/ps?${query}`).expect(400);
      expect(res.body.errors).toEqual([{ field: query.split('=')[0], message: expect.stringContaining('years 1900–2199') }]);
    }
  });

  it('unknown ids → 404 to a national auditor; 403 to a Caf agent, as another Caf’s project would be (issue 11 §4)', async () => {
    const auditor = api.bearer(actors.auditor);
    await get('/projects/prj-nope/eligibility', auditor).expect(404);
    const convention = await get('/conventions/conv-nope', auditor).expect(404);
    expect(convention.body).toMatchObject({ code: 'NOT_FOUND', what: 'convention' });
    const unknown = await get('/projects/prj-nope/eligibility').expect(403);
    const elsewhere = await get('/projects/prj-1/eligibility', api.bearer(actors.agentElsewhere)).expect(403);
    expect(unknown.body.code).toBe(elsewhere.body.code);
    await get('/conventions/conv-nope').expect(403);
    // The departmental bilan names its Caf in the path: the agent of that Caf learns its campaign is unknown.
    const bilan = await get('/cafs/11/bilans/2030-2031').expect(404);
    expect(bilan.body).toMatchObject({ code: 'NOT_FOUND', what: 'campaign' });
  });

  it('the departmental bilan in json, csv (French Excel) and xlsx', async () => {
    const json = await get('/cafs/11/bilans/2026-2027').expect(200);
    expect(json.body.bilan.totals).toMatchObject({ projects: 1, children: CHILDREN.length });

    // The file states the at / knownAt it answers, in its first row and in its name (domain.md §7).
    const day = json.body.day as string;
    const asked = `at=${day}&knownAt=${day}`;
    // A knownAt of today is the current instant (nothing is known of the rest of the day): the file name carries the instant.
    const { at, knownAt } = (await get(`/cafs/11/bilans/2026-2027?${asked}`).expect(200)).body.asOf as { at: string; knownAt: string };
    const csv = await get(`/cafs/11/bilans/2026-2027?format=csv&${asked}`).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="bilan-11-2026-2027-at-${day}-known-${knownAt.replace(/:/g, '_')}.csv"`,
    );
    const lines = csv.text.replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(`at (survenu au plus tard le);${at};knownAt (enregistré au plus tard le);${knownAt}`);
    expect(lines[1].startsWith('section;code;libellé;gestionnaires;projets;collectifs')).toBe(true);
    const total = lines[2].split(';');
    expect(total.slice(0, 5)).toEqual(['total', '11', "Caf de l'Aude 2026-2027", '1', '1']);
    expect(total[7]).toBe(String(CHILDREN.length));
    // One row per breakdown line: commune, EPCI, rural/urban, QPV.
    expect(lines.slice(3).map((l) => l.split(';')[0])).toEqual(['commune', 'epci', 'zone', 'qpv']);

    const xlsx = await get(`/cafs/11/bilans/2026-2027?format=xlsx&${asked}`).buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toBe(
      `attachment; filename="bilan-11-2026-2027-at-${day}-known-${knownAt.replace(/:/g, '_')}.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    expect([1, 2, 3, 4].map((i) => sheet.getRow(1).getCell(i).value)).toEqual([
      'at (survenu au plus tard le)',
      at,
      'knownAt (enregistré au plus tard le)',
      knownAt,
    ]);
    expect(sheet.getRow(2).getCell(1).value).toBe('section');
    expect(sheet.getRow(3).getCell(8).value).toBe(CHILDREN.length);
    expect(sheet.rowCount).toBe(lines.length);

    const invalid = await get('/cafs/11/bilans/2026-2027?format=pdf').expect(400);
    expect(invalid.body.errors).toEqual([{ field: 'format', message: 'must be one of json, csv, xlsx' }]);
  });

  it('the project bilan as csv: the total, then one row per collectif', async () => {
    const csv = await get('/projects/prj-1/bilan?format=csv&knownAt=2026-10-20').expect(200);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="bilan-projet-prj-1-2026-2027-at-.*-known-2026-10-20\.csv"$/);
    const rows = csv.text
      .replace('\uFEFF', '')
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(';'));
    expect(rows[0]).toEqual([
      'at (survenu au plus tard le)',
      expect.any(String),
      'knownAt (enregistré au plus tard le)',
      '2026-10-20T21:59:59.999Z',
    ]);
    expect(rows[1][0]).toBe('section');
    expect(rows.slice(2).map((r) => [r[0], r[1]])).toEqual([
      ['total', ''],
      ['collectif', 'col-1'],
    ]);
  });

  it('the audit history: every event of the project streams known at the date, with actor and role', async () => {
    const now = await get('/projects/prj-1/history').expect(200);
    const types = now.body.events.map((e: { type: string }) => e.type);
    expect(types.slice(0, 3)).toEqual(['ApplicationFiled', 'ExaminationOpened', 'CommitteeDecisionRecorded']);
    expect(types.filter((t: string) => t === 'ChildEnrolled')).toHaveLength(CHILDREN.length);
    expect(now.body.events[0]).toMatchObject({ streamId: 'project-prj-1', actor: 'user-op-1', role: 'operator' });
    expect(now.body.events[2]).toMatchObject({ actor: 'committee-11', role: 'committee' });
    for (const e of now.body.events) expect(Object.keys(e)).toEqual(expect.arrayContaining(['occurredAt', 'recordedAt', 'actor', 'role']));
    const bad = await get('/projects/prj-1/history?at=2026-10-01').expect(400);
    expect(bad.body.errors).toEqual([{ field: 'at', message: 'is not an accepted field' }]);
  });

  it('the feed: the log in global order, in pages; max limit 1000', async () => {
    const dashboard = api.bearer(actors.dashboard);
    const first = await get('/feed?limit=2', dashboard).expect(200);
    expect(first.body.events.map((e: { globalPosition: number }) => e.globalPosition)).toEqual([1, 2]);
    expect(first.body).toMatchObject({ nextAfter: 2, isEnd: false });
    const next = await get(`/feed?after=${first.body.nextAfter}&limit=1000`, dashboard).expect(200);
    expect(next.body.events[0].globalPosition).toBe(3);
    expect(next.body.isEnd).toBe(true);
    expect(next.body.nextAfter).toBe(await api.store.headPosition());
    const tooMany = await get('/feed?limit=1001', dashboard).expect(400);
    expect(tooMany.body.errors).toEqual([{ field: 'limit', message: 'must be an integer between 1 and 1000' }]);
    const notANumber = await get('/feed?after=abc', dashboard).expect(400);
    expect(notANumber.body.errors[0].field).toBe('after');
  });

  it("the feed of a Caf-scoped dashboard holds that Caf's events only", async () => {
    const elsewhere = api.bearer({ id: 'dash-40', role: 'dashboard', caf: '40', operatorId: null });
    const res = await get('/feed?limit=1000', elsewhere).expect(200);
    expect(res.body.events).toEqual([]);
    expect(res.body.nextAfter).toBe(await api.store.headPosition());
  });
});
