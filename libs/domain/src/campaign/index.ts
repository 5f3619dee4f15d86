export * from './campaign-parameters.js';
export * from './campaign.commands.js';
export * from './campaign.state.js';
export * from './campaign.decider.js';
