export * from './stream-directory.port.js';
export * from './in-memory-stream-directory.js';
export * from './time-travel.reader.js';
export * from './clas-queries.js';
