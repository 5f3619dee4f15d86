export * from './envelope.js';
export * from './event-store.port.js';
export * from './errors.js';
