export * from './fold-support.js';
export * from './campaign.fold.js';
export * from './operator.fold.js';
export * from './convention.fold.js';
export * from './project-state.js';
export * from './project.fold.js';
export * from './committee.fold.js';
