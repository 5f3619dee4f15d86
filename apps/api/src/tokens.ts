/** DI tokens: ports are interfaces, so Nest needs explicit tokens for them. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const CLAS_CONFIG = Symbol('CLAS_CONFIG');
/** The CommandBus port of @clas/application (ClasCommandBus in production, a fake in some tests). */
export const COMMAND_BUS = Symbol('COMMAND_BUS');
/** The time-travel questions (ClasQueries of @clas/projections). */
export const QUERIES = Symbol('QUERIES');
/** Which project/convention belongs to which operator and Caf: the read-scope checks use it. */
export const STREAM_DIRECTORY = Symbol('STREAM_DIRECTORY');
/** Which operator each child or staff id of the log belongs to (@clas/application's PersonDirectory): the bus and /persons share it. */
export const PERSON_DIRECTORY = Symbol('PERSON_DIRECTORY');
/** Names and contacts, outside the log (domain.md §8). */
export const PERSONAL_DATA_STORE = Symbol('PERSONAL_DATA_STORE');
/** The Clock port of @clas/event-store: "now" for default occurredAt / at / knownAt. */
export const CLOCK = Symbol('CLOCK');
/** The list and worklist queries over the read-model tables (ReadModelQueries of @clas/projections). */
export const READ_MODELS = Symbol('READ_MODELS');
/** The webhook delivery log and the subscriptions' secrets (WebhookDeliveryStore of @clas/messaging). */
export const WEBHOOK_DELIVERIES = Symbol('WEBHOOK_DELIVERIES');
