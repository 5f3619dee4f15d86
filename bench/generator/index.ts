export { nationalLog, estimateEvents, type NationalLogOptions, type GeneratedAppend } from './national-log.js';
export { writeNationalLog, SettableClock, type WriteProgress, type WriteResult } from './write-log.js';
export { Prng } from './prng.js';
export { notReceivableOnly, NOT_RECEIVABLE_ONLY } from './edge-cases.js';
