export * from './shared/money.js';
export * from './shared/calendar-date.js';
export * from './shared/school-year.js';
export * from './shared/result.js';
export * from './shared/recorded-event.js';
export * from './campaign/campaign-parameters.js';
