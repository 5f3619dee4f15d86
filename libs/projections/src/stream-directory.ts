/**
 * @clas/projections/stream-directory: the stream directory's port and its in-memory
 * implementation alone, without what the main entry (index.ts) also loads — the read models'
 * TypeORM entities and the rebuild's worker threads. @clas/application takes its default
 * directory from here (.dependency-cruiser.cjs: application-reaches-no-typeorm-nor-threads).
 */
export * from './time-travel/stream-directory.port.js';
export { InMemoryStreamDirectory } from './time-travel/in-memory-stream-directory.js';
