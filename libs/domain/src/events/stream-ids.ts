import type { SchoolYear } from '../shared/school-year.js';
import { isSchoolYear } from '../shared/school-year.js';

/** One stream per aggregate instance (architecture.md, "Event envelope"). */
export const STREAM_KINDS = ['campaign', 'operator', 'project', 'collectif', 'convention', 'committee', 'webhooks'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

/** Ids are opaque (uuids in practice); they must not contain whitespace so stream ids stay parseable. */
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
/** Département codes: 01–95, 2A/2B, 971–976. */
const CAF_RE = /^(\d{2,3}|2[AB])$/;

export function isAggregateId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 100 && ID_RE.test(value);
}

export function isCafCode(value: unknown): value is string {
  return typeof value === 'string' && CAF_RE.test(value);
}

function checked(kind: StreamKind, id: string): string {
  if (!isAggregateId(id)) throw new RangeError(`invalid ${kind} id: ${JSON.stringify(id)}`);
  return `${kind}-${id}`;
}

/** `campaign-11-2026-2027`: one campaign per Caf and school year. */
export function campaignStreamId(cafCode: string, schoolYear: SchoolYear): string {
  if (!isCafCode(cafCode)) throw new RangeError(`invalid Caf code: ${JSON.stringify(cafCode)}`);
  if (!isSchoolYear(schoolYear)) throw new RangeError(`invalid school year: ${JSON.stringify(schoolYear)}`);
  return `campaign-${cafCode}-${schoolYear}`;
}

/** `committee-11-2026-2027`: the departmental committee of one Caf for one school year (R-COMMITTEE-MEETING). */
export function committeeStreamId(cafCode: string, schoolYear: SchoolYear): string {
  if (!isCafCode(cafCode)) throw new RangeError(`invalid Caf code: ${JSON.stringify(cafCode)}`);
  if (!isSchoolYear(schoolYear)) throw new RangeError(`invalid school year: ${JSON.stringify(schoolYear)}`);
  return `committee-${cafCode}-${schoolYear}`;
}

export const operatorStreamId = (operatorId: string): string => checked('operator', operatorId);
export const projectStreamId = (projectId: string): string => checked('project', projectId);
export const collectifStreamId = (collectifId: string): string => checked('collectif', collectifId);
export const conventionStreamId = (conventionId: string): string => checked('convention', conventionId);

/** `webhooks-11`: the webhook subscriptions of one Caf (issue 13 §4). */
export function webhooksStreamId(cafCode: string): string {
  if (!isCafCode(cafCode)) throw new RangeError(`invalid Caf code: ${JSON.stringify(cafCode)}`);
  return `webhooks-${cafCode}`;
}

export type ParsedStreamId =
  | { kind: 'campaign' | 'committee'; cafCode: string; schoolYear: SchoolYear }
  | { kind: 'webhooks'; cafCode: string }
  | { kind: Exclude<StreamKind, 'campaign' | 'committee' | 'webhooks'>; id: string };

/** Inverse of the helpers above; null for a stream this domain does not own. */
export function parseStreamId(streamId: string): ParsedStreamId | null {
  const dash = streamId.indexOf('-');
  if (dash < 0) return null;
  const kind = streamId.slice(0, dash);
  const rest = streamId.slice(dash + 1);
  if (kind === 'campaign' || kind === 'committee') {
    const m = /^(\d{2,3}|2[AB])-(\d{4}-\d{4})$/.exec(rest);
    return m && isSchoolYear(m[2]) ? { kind, cafCode: m[1], schoolYear: m[2] } : null;
  }
  if (kind === 'webhooks') return isCafCode(rest) ? { kind, cafCode: rest } : null;
  if (kind === 'operator' || kind === 'project' || kind === 'collectif' || kind === 'convention') {
    return isAggregateId(rest) ? { kind, id: rest } : null;
  }
  return null;
}
