import type { CommandOutcome } from '@clas/application';
import { INVALID_INPUT } from '@clas/domain';
import { ApiError, validationFailed } from '../http/api-error.js';
import type { CommandAccepted } from './command-accepted.js';

/**
 * THE mapping of a command outcome to HTTP (issue 6), for every command controller:
 * ok → 201 (200 when the commandId was already executed), rejected → 422 (400 when the
 * domain's last-line input check refused a field the DTO let through; a commandId reused for
 * another command is a 422 COMMAND_ID_REUSED, R-IDEMPOTENCY, details.differs), conflict → 409 with
 * the current version, not_found → 404, forbidden → 403.
 */
export function mapCommandOutcome(outcome: CommandOutcome): { status: 200 | 201; body: CommandAccepted } {
  if (outcome.ok) {
    const { streamId, eventIds, streamVersion, positions, duplicate } = outcome;
    return { status: duplicate ? 200 : 201, body: { streamId, eventIds, streamVersion, positions, duplicate } };
  }
  switch (outcome.kind) {
    case 'rejected': {
      const { code, ruleId, message, details } = outcome.rejection;
      if (code === INVALID_INPUT && typeof details.field === 'string') {
        // The domain names fields relative to the command's data, with "field: " before the text.
        const prefix = `${details.field}: `;
        return fail(
          validationFailed([
            {
              field: details.field === '' ? 'data' : `data.${details.field}`,
              message: message.startsWith(prefix) ? message.slice(prefix.length) : message,
            },
          ]),
        );
      }
      return fail(new ApiError(422, code, message, { ruleId, details }));
    }
    case 'conflict':
      return fail(
        new ApiError(
          409,
          'CONCURRENCY_CONFLICT',
          `stream ${outcome.streamId} is at version ${outcome.actualVersion}, not ${String(outcome.expectedVersion)}`,
          {
            streamId: outcome.streamId,
            expectedVersion: outcome.expectedVersion,
            currentVersion: outcome.actualVersion,
          },
        ),
      );
    case 'not_found':
      return fail(new ApiError(404, 'NOT_FOUND', `unknown ${outcome.what} ${outcome.id}`, { what: outcome.what, id: outcome.id }));
    case 'forbidden':
      return fail(new ApiError(403, 'FORBIDDEN', outcome.reason));
  }
}

function fail(error: ApiError): never {
  throw error;
}
