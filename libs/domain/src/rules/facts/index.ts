export * from './sourced.js';
export * from './objectives.js';
export * from './project-facts.js';
