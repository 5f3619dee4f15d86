export * from './command.js';
export * from './input-validation.js';
