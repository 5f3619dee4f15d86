export * from './config.js';
export * from './json-logger.js';
