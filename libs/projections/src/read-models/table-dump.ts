import type { ReadDatabase } from './read-database.js';

/** Columns that record when, not what: left out of dumps so two rebuilds compare equal. */
const VOLATILE_COLUMNS = new Set(['updated_at']);

function normalise(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  // PostgreSQL returns timestamptz as a Date and jsonb parsed; SQLite keeps the ISO and JSON text.
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  // PostgreSQL returns bigint as text and booleans as booleans; SQLite integers and 0/1.
  if (typeof value === 'boolean') return value ? 1 : 0;
  // (but not codes with a leading zero such as Caf "01", which are text in both).
  if (typeof value === 'string' && /^-?(0|[1-9]\d{0,14})$/.test(value)) return Number(value);
  return value;
}

/**
 * Every row of a table, normalised across dialects and sorted: two dumps are equal exactly
 * when the tables hold the same data (used to compare a resumed run with a clean rebuild).
 */
export async function dumpTable(db: ReadDatabase, table: string): Promise<Array<Record<string, unknown>>> {
  const rows = await db.query<Record<string, unknown>>(`SELECT * FROM ${db.table(table)}`);
  const clean = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const column of Object.keys(row).sort()) if (!VOLATILE_COLUMNS.has(column)) out[column] = normalise(row[column]);
    return out;
  });
  const keyed = clean.map((row) => [JSON.stringify(row), row] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map(([, row]) => row);
}

export async function dumpTables(db: ReadDatabase, tables: readonly string[]): Promise<Record<string, Array<Record<string, unknown>>>> {
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const table of tables) out[table] = await dumpTable(db, table);
  return out;
}

export type TableDump = Record<string, Array<Record<string, unknown>>>;

/** Every table of the read database (its TypeORM entities), dumped as above. */
export async function dumpReadDatabase(db: ReadDatabase): Promise<TableDump> {
  return dumpTables(db, db.dataSource.entityMetadatas.map((m) => m.tableName).sort());
}

export interface TableDifference {
  table: string;
  /** Rows (JSON) found only on the left, or only on the right, counted with multiplicity. */
  onlyLeft: string[];
  onlyRight: string[];
}

/**
 * The rows that differ between two dumps (a row on one side with no equal row on the other,
 * counted with multiplicity), table by table: `differingRows` 0 exactly when the tables are equal.
 */
export function diffDumps(left: TableDump, right: TableDump): { differingRows: number; tables: TableDifference[] } {
  const tables: TableDifference[] = [];
  let differingRows = 0;
  for (const table of [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()) {
    const counts = new Map<string, number>();
    const count = (row: Record<string, unknown>, by: number): void => {
      const key = JSON.stringify(row);
      counts.set(key, (counts.get(key) ?? 0) + by);
    };
    for (const row of left[table] ?? []) count(row, 1);
    for (const row of right[table] ?? []) count(row, -1);
    const onlyLeft: string[] = [];
    const onlyRight: string[] = [];
    for (const [row, n] of counts) for (let i = 0; i < Math.abs(n); i++) (n > 0 ? onlyLeft : onlyRight).push(row);
    if (onlyLeft.length + onlyRight.length === 0) continue;
    differingRows += onlyLeft.length + onlyRight.length;
    tables.push({ table, onlyLeft, onlyRight });
  }
  return { differingRows, tables };
}
