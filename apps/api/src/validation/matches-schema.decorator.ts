import { ValidateBy } from 'class-validator';
import { type Schema, validate } from '@clas/domain';

export const MATCHES_SCHEMA = 'matchesSchema';

/**
 * THE generic constraint of the HTTP edge: the property must match a payload schema of the
 * domain (the one the command bus checks again, for every entry). Its message is the domain's
 * first problem, `path: text` with the path below the property ('' for the property itself);
 * RequestValidationPipe turns it into `{ field: <property>.<path>, message: text }`.
 */
export const MatchesSchema = (schema: Schema): PropertyDecorator =>
  ValidateBy({
    name: MATCHES_SCHEMA,
    validator: {
      validate: (value: unknown) => validate(schema, value) === null,
      defaultMessage: (args) => validate(schema, args?.value)?.message ?? '',
    },
  });

/** `path: text` → its two parts (the domain's paths never hold ': '). */
export function splitSchemaMessage(message: string): { path: string; text: string } {
  const at = message.indexOf(': ');
  return at < 0 ? { path: '', text: message } : { path: message.slice(0, at), text: message.slice(at + 2) };
}
