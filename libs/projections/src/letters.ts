/**
 * @clas/projections/letters: the decision letters and annual agreements (R-NOTIFY,
 * R-AGREEMENT-ANNUAL) — models folded from the log, HTML and PDF — without what the main entry
 * also loads (TypeORM entities, worker threads): @clas/application renders a letter to check the
 * hash a RecordNotificationSent names (.dependency-cruiser.cjs: application-reaches-no-typeorm-nor-threads).
 */
export * from './letters/index.js';
