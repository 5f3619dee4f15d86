import { type ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { MATCHES_SCHEMA, splitSchemaMessage } from '../validation/matches-schema.decorator.js';
import { type FieldError, validationFailed } from './api-error.js';

/** `items` + `0` → `items[0]`; `data` + `budget` → `data.budget`. */
const join = (parent: string, property: string): string =>
  /^\d+$/.test(property) ? `${parent}[${property}]` : parent ? `${parent}.${property}` : property;

/** class-validator's default texts start with the property name ("x must be…"): the field is given apart. */
function cleanMessage(property: string, constraint: string, message: string): string {
  if (constraint === 'whitelistValidation') return 'is not an accepted field';
  if (constraint === 'nestedValidation') return 'must be an object';
  for (const prefix of [`property ${property} `, `nested property ${property} `, `${property} `]) {
    if (message.startsWith(prefix)) return message.slice(prefix.length);
  }
  return message;
}

/** Flattens class-validator's tree into `{ field, message }` with dotted paths from the request root. */
export function fieldErrorsOf(errors: readonly ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = join(parent, error.property);
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      if (constraint === MATCHES_SCHEMA) {
        // A payload schema names the field below the property itself.
        const { path, text } = splitSchemaMessage(message);
        out.push({ field: path === '' ? field : /^\[/.test(path) ? `${field}${path}` : `${field}.${path}`, message: text });
      } else out.push({ field, message: cleanMessage(error.property, constraint, message) });
    }
    if (error.children?.length) out.push(...fieldErrorsOf(error.children, field));
  }
  return out;
}

/**
 * Validation at the edge (issue 6): unknown fields are refused (not silently dropped, so a
 * typo in an optional field is seen), one error per field, and errors name the field by its
 * full path. A body that is not a JSON object is refused before class-transformer sees it.
 */
@Injectable()
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      stopAtFirstError: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => validationFailed(fieldErrorsOf(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw validationFailed([{ field: 'body', message: 'must be a JSON object (Content-Type: application/json)' }]);
    }
    return super.transform(value, metadata);
  }
}
