export * from './collectif.commands.js';
export * from './collectif.context.js';
export * from './collectif.state.js';
export * from './collectif.decider.js';
