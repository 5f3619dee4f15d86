export * from './config.js';
export * from './json-logger.js';
export * from './store-config.js';
export * from './secret-file.js';
export * from './seal-key.js';
