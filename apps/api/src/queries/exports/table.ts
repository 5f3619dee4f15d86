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
  /** The world time and knowledge time the table answers (domain.md §7): stated in the file and its name. */
  asOf: { at: string; knownAt: string };
  columns: Column[];
  rows: Array<Record<string, CellValue>>;
}

/** The row stating the dates a file answers, above its column headers: labels, then the exact instants. */
export function asOfRow(table: Table): string[] {
  return ['at (survenu au plus tard le)', table.asOf.at, 'knownAt (enregistré au plus tard le)', table.asOf.knownAt];
}

/** 275828 → "2758.28" (exact; no float arithmetic). */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
