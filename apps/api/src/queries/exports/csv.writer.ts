import { type CellValue, type Column, type Table, asOfRow, centsToDecimal } from './table.js';

/**
 * CSV for French Excel (a choice, documented in README-api-patterns.md): `;` separator,
 * decimal comma, UTF-8 with a BOM (without it Excel reads "é" as "Ã©"), CRLF line ends,
 * money in euros with two decimals. Every text is quoted when it holds `;`, `"` or a line
 * end, and a leading = + - @ is neutralised (CSV injection: an id must never become a formula).
 * The first line states the `at` / `knownAt` the file answers; the column headers follow.
 */
function render(value: CellValue, column: Column): string {
  if (value === null) return '';
  switch (column.format) {
    case 'bool':
      return value ? 'oui' : 'non';
    case 'cents':
      return centsToDecimal(value as number).replace('.', ',');
    case 'decimal':
      return String(value).replace('.', ',');
    case 'int':
      return String(value);
    case 'text':
      return quote(String(value));
  }
}

function quote(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: Table): string {
  const lines = [asOfRow(table).map(quote).join(';'), table.columns.map((c) => quote(c.header)).join(';')];
  for (const row of table.rows) lines.push(table.columns.map((c) => render(row[c.key] ?? null, c)).join(';'));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
