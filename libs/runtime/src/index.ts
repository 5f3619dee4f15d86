export * from './config.js';
export * from './json-logger.js';
export * from './store-config.js';
export * from './secret-file.js';
export * from './duration.js';
export * from './jwt-secret.js';
export * from './seal-key.js';
