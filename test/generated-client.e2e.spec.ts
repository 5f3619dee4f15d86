import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { type ApiHarness, servedDocument, startApi } from './support/api-harness.js';

/**
 * Issue 12 §3: a client generated from the served /docs-json is useful. openapi-typescript turns
 * the document into types; a small client over openapi-fetch reads forecast amounts and
 * criteria verdicts and posts a committee decision, and must type-check with no cast. Then the
 * document passes `redocly lint` (its recommended rules) with no error.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The client a developer would write: no `as`, no `any`, every field read is declared by the API. */
const CLIENT = `
import createClient from 'openapi-fetch';
import type { components, paths } from './clas-api';

export const clasClient = (baseUrl: string, token: string) => createClient<paths>({ baseUrl, headers: { Authorization: \`Bearer \${token}\` } });
type Client = ReturnType<typeof clasClient>;
type Explanation = components['schemas']['Explanation'];

/** Every rule of the explanation tree, depth first (the tree is recursive). */
const rulesOf = (e: Explanation): string[] => [e.ruleId, ...(e.children ?? []).flatMap(rulesOf)];

/** What the committee's decision promised, in integer cents, and the rules behind it. */
export async function forecastAmounts(client: Client, projectId: string, at: string) {
  const { data, error } = await client.GET('/projects/{projectId}/ps', { params: { path: { projectId }, query: { at } } });
  if (error) throw new Error(\`\${error.code}: \${error.message}\`);
  if (data.forecast === null) return { promised: null, why: data.notApplicable };
  const forecast = data.forecast;
  const perCollectif: number = forecast.psPerCollectif;
  const bonuses: number = forecast.bonuses.total;
  const payable: number = forecast.payable;
  const due: number = data.due;
  const basis: 'actual' | 'forecast' | null = data.basis;
  return { promised: { perCollectif, bonuses, payable, due, basis }, rules: rulesOf(forecast.explanation) };
}

/** Each criterion's verdict, planned (on the application) and actual (on what happened). */
export async function criteriaVerdicts(client: Client, projectId: string) {
  const { data, error } = await client.GET('/projects/{projectId}/eligibility', { params: { path: { projectId } } });
  if (error) throw new Error(error.message);
  const verdict: 'eligible' | 'not_eligible' | 'incomplete' | undefined = data.planned?.verdict;
  const criteria = (data.planned?.criteria ?? []).map((c) => {
    const status: 'met' | 'not_met' | 'unknown' | 'waived' = c.status;
    return { criterion: c.criterion, status, reasons: c.reasons, facts: c.explanation.sourceEventIds };
  });
  return { status: data.status, verdict, criteria };
}

/** The committee approves two collectifs with the bonus enfants on both. */
export async function approve(client: Client, projectId: string, commandId: string) {
  const { data, error } = await client.POST('/projects/{projectId}/decision', {
    params: { path: { projectId } },
    body: {
      commandId,
      occurredAt: '2026-10-05T16:00:00Z',
      data: {
        decisionId: 'dec-2026-10-01',
        meetingId: 'cttee-2026-10-05',
        effectiveDate: '2026-10-05',
        decision: { outcome: 'approved', approvedCollectifs: 2, bonusesGranted: { enfants: { collectifs: 2 }, parents: null }, forecastOperatingCost: 1_800_000 },
      },
    },
  });
  if (error) return { refused: error.code, rule: error.ruleId ?? null, fields: (error.errors ?? []).map((e) => e.field) };
  const version: number = data.streamVersion;
  return { streamId: data.streamId, version, duplicate: data.duplicate };
}
`;

/** The same client reading what the API does not answer: it must not compile (the types are not `any`). */
const WRONG_CLIENT = `
import createClient from 'openapi-fetch';
import type { paths } from './clas-api';

export async function wrong(baseUrl: string) {
  const client = createClient<paths>({ baseUrl });
  const { data } = await client.GET('/projects/{projectId}/ps', { params: { path: { projectId: 'p' } } });
  const text: string | undefined = data?.payable;
  const missing = data?.forecast?.notAField;
  await client.POST('/projects/{projectId}/decision', { params: { path: { projectId: 'p' } }, body: { data: { decisionId: 'd' } } });
  return { text, missing };
}
`;

/** Type-checks `file` of `dir` strictly (the compiler API, as tsc --noEmit would); openapi-fetch is the repository's. */
function typeErrors(dir: string, file: string): string[] {
  const program = ts.createProgram([join(dir, file)], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
    paths: { 'openapi-fetch': [join(ROOT, 'node_modules/openapi-fetch/dist/index.d.mts')] },
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? `${d.file.fileName.slice(dir.length + 1)}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('a client generated from /docs-json (issue 12 §3)', () => {
  let api: ApiHarness;
  let dir: string;

  beforeAll(async () => {
    api = await startApi();
    const doc = await servedDocument(api.app);
    dir = mkdtempSync(join(tmpdir(), 'clas-client-'));
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
    writeFileSync(join(dir, 'clas-api.ts'), astToString(await openapiTS(JSON.stringify(doc))));
    writeFileSync(join(dir, 'client.ts'), CLIENT);
    writeFileSync(join(dir, 'wrong-client.ts'), WRONG_CLIENT);
  }, 60_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await api.close();
  });

  it('types every answer: reading forecast amounts and criteria verdicts and posting a decision type-checks, with no cast', () => {
    expect(CLIENT).not.toMatch(/\bas\b|\bany\b|<unknown>|!\./);
    expect(typeErrors(dir, 'client.ts')).toEqual([]);
  }, 60_000);

  it('the check can fail: a wrong type, a field the answer does not have, a decision without its fields do not compile', () => {
    const errors = typeErrors(dir, 'wrong-client.ts');
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Type 'number( \| undefined)?' is not assignable to type 'string'/),
        expect.stringMatching(/Property 'notAField' does not exist/),
        expect.stringMatching(/is missing the following properties.*meetingId|Property 'meetingId' is missing/),
      ]),
    );
  }, 60_000);

  it('redocly lint (recommended rules) finds no error in the served document', async () => {
    const { stdout } = await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/redocly'),
      ['lint', join(dir, 'openapi.json'), '--format=json'],
      {
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((failure: { stdout?: string }) => ({ stdout: failure.stdout ?? '' }));
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number };
      problems: Array<{ ruleId: string; severity: string; message: string }>;
    };
    const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 60_000);
});
