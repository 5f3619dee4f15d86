export * from './personal-data-store.port.js';
export { SqlitePersonalDataStore } from './sqlite-personal-data-store.js';
export { PostgresPersonalDataStore } from './postgres-personal-data-store.js';
export { openPersonalData } from './open-personal-data.js';
