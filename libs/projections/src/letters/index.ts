export * from './letter-model.js';
export * from './document.js';
export * from './render.js';
export * from './letters.js';
