import { endOfParisDay, parisDateOf } from '@clas/domain';
import { toCsv } from './csv.writer.js';
import type { Table } from './table.js';
import { toXlsx } from './xlsx.writer.js';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "2026-10-20" when the instant is the end of that Paris day (a bare date was asked), else the instant itself. */
function instantLabel(instant: string): string {
  const day = parisDateOf(instant);
  return endOfParisDay(day) === instant ? day : instant;
}

/**
 * `bilan-11-2026-2027-at-2026-10-20-known-2026-10-20.csv`: a saved file still says which `at` /
 * `knownAt` it answers, like its first row, since the same question asked later may answer otherwise.
 */
export function exportFileName(table: Table, format: Exclude<ExportFormat, 'json'>): string {
  const name = `${table.name}-at-${instantLabel(table.asOf.at)}-known-${instantLabel(table.asOf.knownAt)}`;
  return `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}`;
}

/** A download of the table (json is answered by the controller itself). */
export async function tabularResponse(table: Table, format: Exclude<ExportFormat, 'json'>): Promise<Response> {
  const headers = { 'content-disposition': `attachment; filename="${exportFileName(table, format)}"` };
  if (format === 'csv')
    return new Response(toCsv(table), { status: 200, headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
  return new Response(new Uint8Array(await toXlsx(table)), { status: 200, headers: { ...headers, 'content-type': XLSX_TYPE } });
}
