export * from './core/keyed-fold.js';
export * from './core/as-of.js';
export * from './folds/index.js';
export * from './answers/index.js';
export * from './time-travel/index.js';
export * from './read-models/index.js';
export * from './projector/index.js';
export * from './letters/index.js';
