/** DI tokens: ports are interfaces, so Nest needs explicit tokens for them. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const CLAS_CONFIG = Symbol('CLAS_CONFIG');
