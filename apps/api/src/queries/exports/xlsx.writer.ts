import ExcelJS from 'exceljs';
import { type Table, asOfRow } from './table.js';

/**
 * One worksheet: the `at` / `knownAt` row, then a bold header, both frozen; numbers as numbers
 * (money in euros, 2 decimals).
 */
export async function toXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'clas-backend';
  const sheet = workbook.addWorksheet(table.name.slice(0, 31));
  sheet.columns = table.columns.map((c) => ({
    key: c.key,
    width: Math.max(12, c.header.length + 2),
    style: c.format === 'cents' || c.format === 'decimal' ? { numFmt: '#,##0.00' } : {},
  }));
  sheet.addRow(asOfRow(table));
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  for (const row of table.rows) {
    const values: Record<string, unknown> = {};
    for (const c of table.columns) {
      const v = row[c.key] ?? null;
      if (v === null) values[c.key] = null;
      else if (c.format === 'cents') values[c.key] = (v as number) / 100;
      else if (c.format === 'decimal') values[c.key] = Number(v);
      else if (c.format === 'bool') values[c.key] = v ? 'oui' : 'non';
      else values[c.key] = v;
    }
    sheet.addRow(values);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
