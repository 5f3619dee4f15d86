import { type ValidationOptions, ValidateBy } from 'class-validator';

/** The domain's ClockTime (checkClockTime, R-INPUT): Paris wall-clock 'HH:MM', 24 h. */
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const IsClockTime = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isClockTime', validator: { validate: (v: unknown) => typeof v === 'string' && CLOCK_TIME.test(v), defaultMessage: () => 'must be a time HH:MM (24 h, Europe/Paris)' } },
    options,
  );
