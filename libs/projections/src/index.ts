export * from './core/keyed-fold.js';
export * from './folds/index.js';
export * from './answers/index.js';
export * from './time-travel/index.js';
