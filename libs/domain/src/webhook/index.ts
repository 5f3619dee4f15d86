export * from './webhook.commands.js';
export * from './webhook.schemas.js';
export * from './webhook.state.js';
export * from './webhook.decider.js';
