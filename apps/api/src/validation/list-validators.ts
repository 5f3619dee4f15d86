import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { type ValidationOptions, ValidateBy, ValidateNested } from 'class-validator';

/**
 * Lists, checked the way the domain's `checkList` / `checkUnique` check them (R-INPUT), so the
 * edge refuses exactly what the decider would: an array of `min`..`max` items, then no repeated
 * key. One constraint per decorator, one message, like domain-validators.ts.
 */
export const IsList = (min: number, max: number, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isList',
      validator: {
        validate: (v: unknown) => Array.isArray(v) && v.length >= min && v.length <= max,
        defaultMessage: () => `must be a list of ${min} to ${max} items`,
      },
    },
    options,
  );

/** No two items share a key (ids, codes); non-lists are left to IsList. */
export const IsUniqueList = (key: (item: unknown) => unknown = (item) => item, what = 'item', options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isUniqueList',
      validator: {
        validate: (v: unknown) => !Array.isArray(v) || new Set(v.map(key)).size === v.length,
        defaultMessage: () => `must not repeat a ${what}`,
      },
    },
    options,
  );

/** A list of objects, each validated with its own DTO class (errors name `field[i].x`). */
export function NestedList(type: () => new () => object, min: number, max: number): PropertyDecorator {
  return applyDecorators(IsList(min, max), ValidateNested({ each: true }), Type(type));
}
