import type { ClasConfig } from '@clas/runtime';
import type { PersonalDataStore } from './personal-data-store.port.js';
import { PostgresPersonalDataStore } from './postgres-personal-data-store.js';
import { SqlitePersonalDataStore } from './sqlite-personal-data-store.js';

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * Where names and contacts live (outside the log, domain.md §8): a PostgreSQL database when
 * CLAS_PERSONAL_DATA_PATH is a postgres:// URL (docker compose: beside the read models), else
 * beside a PostgreSQL log, else their own SQLite file. Shared by the API and `clas erase`.
 */
export async function openPersonalData(config: ClasConfig): Promise<PersonalDataStore> {
  if (POSTGRES_URL.test(config.personalDataPath)) return PostgresPersonalDataStore.open(config.personalDataPath);
  if (config.eventStore === 'postgres') return PostgresPersonalDataStore.open(config.databaseUrl!);
  return new SqlitePersonalDataStore(config.personalDataPath);
}
