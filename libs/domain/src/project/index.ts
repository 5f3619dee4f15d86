export * from './project.commands.js';
export * from './project.context.js';
export * from './project.state.js';
export * from './project.decider.js';
export * from './application-content.validation.js';
export * from './letters.js';
