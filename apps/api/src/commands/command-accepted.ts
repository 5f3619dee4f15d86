import type { CommandOutcome } from '@clas/application';

/**
 * The body of 201 (written) and of 200 (the commandId was already executed: nothing new
 * written, the original ids): the bus's accepted outcome without its `ok` tag.
 */
export type CommandAccepted = Omit<Extract<CommandOutcome, { ok: true }>, 'ok'>;
