export * from './envelope.rule.js';
