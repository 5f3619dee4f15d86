export * from './operator.commands.js';
export * from './operator.state.js';
export * from './operator.decider.js';
