import type { Actor } from '@clas/application';
import { type Cents, euros as frenchEuros } from '@clas/domain';
import type { ClasQueries } from '@clas/projections';
import { formatDuration } from '@clas/runtime';
import type { TokenService } from '@clas/auth';
import { AUDE } from './aude-season.js';
import { LANDES } from './landes-season.js';
import type { PlayResult } from './season-player.js';

export interface DemoToken {
  name: string;
  actor: Actor;
  token: string;
}

export const DEMO_TOKEN_ACTORS: Array<{ name: string; actor: Actor }> = [
  { name: 'TOKEN_CAF_AGENT_11', actor: { id: 'agent-11-demo', role: 'caf_agent', caf: '11', operatorId: null } },
  { name: 'TOKEN_CAF_AGENT_40', actor: { id: 'agent-40-demo', role: 'caf_agent', caf: '40', operatorId: null } },
  { name: 'TOKEN_COMMITTEE_11', actor: { id: 'committee-11-demo', role: 'committee', caf: '11', operatorId: null } },
  {
    name: 'TOKEN_OPERATOR',
    actor: { id: `user-${AUDE.lireGrandir.operatorId}`, role: 'operator', caf: null, operatorId: AUDE.lireGrandir.operatorId },
  },
  { name: 'TOKEN_AUDITOR', actor: { id: 'auditor-demo', role: 'auditor', caf: null, operatorId: null } },
  { name: 'TOKEN_DASHBOARD_11', actor: { id: 'dashboard-11-demo', role: 'dashboard', caf: '11', operatorId: null } },
];

/** Signed by the API's own TokenService and secret, valid as long as the API allows (CLAS_TOKEN_MAX_TTL). */
export function demoTokens(tokens: TokenService): DemoToken[] {
  return DEMO_TOKEN_ACTORS.map(({ name, actor }) => ({ name, actor, token: tokens.issue(actor, tokens.maxTtlSeconds) }));
}

/** As the letters and summaries write amounts (`14 000,00 €`). */
const euros = (cents: number): string => frenchEuros(cents as Cents);

/** A few answers read back from the store, so the summary shows the demo's point in figures. */
async function highlights(queries: ClasQueries): Promise<string[]> {
  const lines: string[] = [];
  const at = '2026-10-20T21:59:59.999Z';
  const then = await queries.eligibility(AUDE.limoux.projectId, { at, knownAt: at });
  const known = await queries.eligibility(AUDE.limoux.projectId, { at });
  if (then.kind === 'found' && known.kind === 'found') {
    lines.push(
      `  ${AUDE.limoux.projectId}: at 2026-10-20, ${then.value.decision?.approvedCollectifs ?? '–'} collectifs as known that day, ${known.value.decision?.approvedCollectifs ?? '–'} as known now (correction of ${AUDE.correctionOn})`,
    );
  }
  const labrit = await queries.payablePs(LANDES.labrit.projectId, { at: '2025-10-10T21:59:59.999Z' });
  if (labrit.kind === 'found')
    lines.push(`  ${LANDES.labrit.projectId}: PS forecast at 2025-10-10 ${euros(labrit.value.payable)} (worked example 2)`);
  const lire = await queries.payablePs(AUDE.lireGrandir.projectId, { at });
  if (lire.kind === 'found')
    lines.push(
      `  ${AUDE.lireGrandir.projectId}: PS forecast ${euros(lire.value.forecast?.payable ?? lire.value.payable)} (worked example 1), paid ${euros(lire.value.paid)}`,
    );
  const before = await queries.envelope('11', '2026-2027', { at, knownAt: at });
  const envelopeNow = await queries.envelope('11', '2026-2027');
  if (before.kind === 'found' && envelopeNow.kind === 'found')
    lines.push(
      `  envelope 11 2026-2027: at 2026-10-20 as known that day ${euros(before.value.envelope ?? 0)}, committed ${euros(before.value.committed)} (${before.value.overrides.length} approval over it, with its reason); now ${euros(envelopeNow.value.envelope ?? 0)}, remaining ${euros(envelopeNow.value.remaining ?? 0)}`,
    );
  const sever = await queries.payablePs(LANDES.saintSever.projectId);
  if (sever.kind === 'found')
    lines.push(
      `  ${LANDES.saintSever.projectId}: payable on the bilan ${euros(sever.value.payable)}, paid net ${euros(sever.value.paid)} (advance, then a recovery)`,
    );
  // R-COMMITTEE-ORIENTATIONS: the Aude meeting of 5 October, its files ranked against the year's orientations.
  const ranking = await queries.committeeRanking('11', '2026-2027', AUDE.meetingId, { at: '2026-10-05T10:30:00.000Z' });
  if (ranking.kind === 'found')
    lines.push(
      `  ${AUDE.meetingId}: ${ranking.value.entries.map((e) => `${e.projectId} ${e.score} pts`).join(', ')}; forecasts ${euros(ranking.value.totalCents)} in all`,
    );
  return lines;
}

export async function demoReport(input: {
  result: PlayResult;
  queries: ClasQueries;
  tokens: TokenService;
  baseUrl: string;
  now: string;
}): Promise<string> {
  const { result, baseUrl } = input;
  const tokens = demoTokens(input.tokens);
  const campaigns = Object.entries(input.result.byCampaign)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([campaign, t]) => `  ${campaign.padEnd(14)} ${String(t.events).padStart(6)} events  (${t.commands} commands)`);
  const q = (path: string, token: string) => `curl -s -H "Authorization: Bearer $${token}" "${baseUrl}${path}"`;
  return [
    '',
    `Demo season played up to ${input.now} in ${(result.elapsedMs / 1000).toFixed(1)} s: ${result.events} events from ${result.commands} commands (${result.expectedRejections} refused as expected: the late filing).`,
    ...campaigns,
    '',
    'What it shows:',
    ...(await highlights(input.queries)),
    '',
    `Tokens (valid ${formatDuration(input.tokens.maxTtlSeconds)}, CLAS_TOKEN_MAX_TTL; paste into your shell):`,
    ...tokens.map((t) => `export ${t.name}=${t.token}`),
    '',
    `Example queries (start the API first: npm run --silent clas -- serve):`,
    '# Worked example 3 — the decision as known on 2026-10-20 (2 collectifs) and as known now (3):',
    q(`/projects/${AUDE.limoux.projectId}/eligibility?at=2026-10-20&knownAt=2026-10-20`, 'TOKEN_COMMITTEE_11'),
    q(`/projects/${AUDE.limoux.projectId}/eligibility?at=2026-10-20`, 'TOKEN_COMMITTEE_11'),
    '# Worked example 2 — Landes, rural, bonus parents: 900,00 € forecast; then the actual PS after the bilan:',
    q(`/projects/${LANDES.labrit.projectId}/ps?at=2025-10-10`, 'TOKEN_CAF_AGENT_40'),
    q(`/projects/${LANDES.labrit.projectId}/ps`, 'TOKEN_CAF_AGENT_40'),
    '# A recovery: the second Saint-Sever group stopped in February; the bilan as the system computes it:',
    q(`/projects/${LANDES.saintSever.projectId}/ps`, 'TOKEN_CAF_AGENT_40'),
    q(`/projects/${LANDES.saintSever.projectId}/bilan`, 'TOKEN_CAF_AGENT_40'),
    '# A late attendance sheet: the sessions up to 2026-11-13 as known that day, then as known now:',
    q(`/projects/${AUDE.lireGrandir.projectId}/bilan?at=2026-11-13&knownAt=2026-11-13`, 'TOKEN_OPERATOR'),
    q(`/projects/${AUDE.lireGrandir.projectId}/bilan?at=2026-11-13`, 'TOKEN_OPERATOR'),
    '# The convention: amendment am-1 pending on 2026-01-25, validated on 2026-03-01; am-2 pending now:',
    q(`/conventions/${LANDES.conventionId}?at=2026-01-25`, 'TOKEN_AUDITOR'),
    q(`/conventions/${LANDES.conventionId}?at=2026-03-01`, 'TOKEN_AUDITOR'),
    q(`/conventions/${LANDES.conventionId}`, 'TOKEN_AUDITOR'),
    '# R-NOTIFY — the letters of the Limoux decision and of its correction (hash, sent or not), then each as PDF and HTML:',
    q(`/projects/${AUDE.limoux.projectId}/letters`, 'TOKEN_CAF_AGENT_11'),
    `${q(`/projects/${AUDE.limoux.projectId}/letters/dec-${AUDE.limoux.projectId}?format=pdf`, 'TOKEN_CAF_AGENT_11')} > lettre.pdf`,
    `${q(`/projects/${AUDE.limoux.projectId}/letters/dec-${AUDE.limoux.projectId}-rectificatif-1?format=pdf`, 'TOKEN_CAF_AGENT_11')} > lettre-rectificatif.pdf`,
    `${q(`/projects/${AUDE.lireGrandir.projectId}/letters/dec-${AUDE.lireGrandir.projectId}`, 'TOKEN_OPERATOR')} > lettre.html`,
    '# R-AGREEMENT-ANNUAL — Labrit signed its annual agreement before its balance (Saint-Sever is under its convention):',
    `${q(`/projects/${LANDES.labrit.projectId}/agreement?format=pdf`, 'TOKEN_CAF_AGENT_40')} > convention-annuelle.pdf`,
    '# The Aude committee: its orientations and meetings, then the files of 5 October ranked against them (as the meeting opened):',
    q('/committees/11/2026-2027', 'TOKEN_COMMITTEE_11'),
    q(`/committees/11/2026-2027/meetings/${AUDE.meetingId}/ranking?at=2026-10-05T12:30:00%2B02:00`, 'TOKEN_COMMITTEE_11'),
    `# R-BUDGET-ENVELOPE — Aude's envelope: exceeded by Le Lien's approval (override) on ${AUDE.decisionOn}, amended on ${AUDE.envelope.amendedOn}:`,
    q(`/cafs/11/envelopes/2026-2027?at=2026-10-20&knownAt=2026-10-20`, 'TOKEN_DASHBOARD_11'),
    q('/cafs/11/envelopes/2026-2027', 'TOKEN_COMMITTEE_11'),
    '# Departmental bilans, and the audit trail of a project:',
    q('/cafs/40/bilans/2025-2026', 'TOKEN_AUDITOR'),
    q('/cafs/11/bilans/2026-2027', 'TOKEN_DASHBOARD_11'),
    q(`/projects/${AUDE.limoux.projectId}/history`, 'TOKEN_AUDITOR'),
    '',
    'The same questions without the API:',
    `npm run --silent clas -- query eligibility ${AUDE.limoux.projectId} --at 2026-10-20 --known-at 2026-10-20`,
    `npm run --silent clas -- query ps ${LANDES.labrit.projectId} --at 2025-10-10`,
    `npm run --silent clas -- query convention ${LANDES.conventionId} --at 2026-01-25`,
    'npm run --silent clas -- query departmental 40 2025-2026',
    `npm run --silent clas -- query ranking 11 2026-2027 ${AUDE.meetingId} --at 2026-10-05T12:30:00+02:00`,
    'npm run --silent clas -- query envelope 11 2026-2027 --at 2026-10-20 --known-at 2026-10-20',
    '',
  ].join('\n');
}
