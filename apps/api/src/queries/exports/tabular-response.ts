import { toCsv } from './csv.writer.js';
import type { Table } from './table.js';
import { toXlsx } from './xlsx.writer.js';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download of the table (json is answered by the controller itself). */
export async function tabularResponse(table: Table, format: Exclude<ExportFormat, 'json'>): Promise<Response> {
  const filename = `${table.name.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}`;
  const headers = { 'content-disposition': `attachment; filename="${filename}"` };
  if (format === 'csv')
    return new Response(toCsv(table), { status: 200, headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
  return new Response(new Uint8Array(await toXlsx(table)), { status: 200, headers: { ...headers, 'content-type': XLSX_TYPE } });
}
