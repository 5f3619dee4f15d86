import { ValidateBy } from 'class-validator';

/**
 * `data` of a command whose fields all come from the path. A nested DTO without properties
 * would trip the pipe's forbidUnknownValues, so the emptiness is checked directly; `why` ends
 * the message ("must be an empty object (the ids are in the path)").
 */
export const IsEmptyObject = (why: string) =>
  ValidateBy({
    name: 'isEmptyObject',
    validator: {
      validate: (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0,
      defaultMessage: () => `must be an empty object (${why})`,
    },
  });
