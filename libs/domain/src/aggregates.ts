/** The aggregates of the Clas domain: commands, state, context and decider of each stream kind. */
export * from './commands/index.js';
export * from './campaign/index.js';
export * from './operator/index.js';
export * from './project/index.js';
export * from './collectif/index.js';
export * from './convention/index.js';
export * from './committee/index.js';
export * from './webhook/index.js';
