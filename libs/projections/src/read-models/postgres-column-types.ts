import 'reflect-metadata';
import type { DataSource } from 'typeorm';

/**
 * The read database is SQLite or PostgreSQL, and TypeORM entities declare one column type for
 * both. Instants and JSON documents are text on SQLite (it has no better type), but on
 * PostgreSQL a dashboard user should get `timestamptz` (compare, truncate, time zones) and
 * `jsonb` (`->`, `@>`, indexes). A column says so with this decorator beside its `@Column`; the
 * PostgreSQL read database applies it before synchronising (`applyPostgresColumnTypes`).
 * The projector writes both as ISO / JSON text parameters, which PostgreSQL casts.
 */
export type PostgresColumnType = 'timestamptz' | 'jsonb';

const METADATA_KEY = 'clas:postgres-column-type';

export function PostgresType(type: PostgresColumnType): PropertyDecorator {
  return (target, propertyKey) => Reflect.defineMetadata(METADATA_KEY, type, target, propertyKey);
}

/** Gives every column marked with `PostgresType` its PostgreSQL type (call before `synchronize`). */
export function applyPostgresColumnTypes(dataSource: DataSource): void {
  for (const entity of dataSource.entityMetadatas) {
    for (const column of entity.columns) {
      if (typeof column.target !== 'function') continue;
      const type = Reflect.getMetadata(METADATA_KEY, (column.target as { prototype: object }).prototype, column.propertyName) as
        PostgresColumnType | undefined;
      if (type === undefined) continue;
      column.type = type;
      column.length = '';
    }
  }
}
