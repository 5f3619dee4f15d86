/**
 * A bilan as a table, the one shape both exports (CSV, XLSX) render. Values stay exact:
 * integers, decimal strings computed by the domain ("12.50"), money in integer cents.
 */
export type ColumnFormat = 'text' | 'int' | 'decimal' | 'cents' | 'bool';

export interface Column {
  key: string;
  header: string;
  format: ColumnFormat;
}

export type CellValue = string | number | boolean | null;

export interface Table {
  name: string;
  columns: Column[];
  rows: Array<Record<string, CellValue>>;
}

/** 275828 → "2758.28" (exact; no float arithmetic). */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
