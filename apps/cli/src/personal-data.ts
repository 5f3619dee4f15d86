import type { ClasConfig } from '@clas/runtime';
import type { PersonalDataStore } from '../../api/src/personal-data/personal-data-store.port.js';
import { PostgresPersonalDataStore } from '../../api/src/personal-data/postgres-personal-data-store.js';
import { SqlitePersonalDataStore } from '../../api/src/personal-data/sqlite-personal-data-store.js';

/** The same personal-data store the API uses: beside the PostgreSQL log, or its own SQLite file. */
export async function openPersonalData(config: ClasConfig): Promise<PersonalDataStore> {
  return config.eventStore === 'postgres' ? PostgresPersonalDataStore.open(config.databaseUrl!) : new SqlitePersonalDataStore(config.personalDataPath);
}
