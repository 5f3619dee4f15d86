import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, type ValidationArguments, type ValidationOptions, ValidateBy, ValidateNested } from 'class-validator';

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

/** Each item validated with its own DTO class (errors name `field[i].x`); put the list check before it. */
export const NestedItems = (type: () => new () => object): PropertyDecorator => applyDecorators(ValidateNested({ each: true }), Type(type));

/** `checkList`'s own bounds (0..1000 unless given), used by the project DTOs. */
export interface ListBounds {
  min?: number;
  max?: number;
}

/**
 * IsList with the texts of the domain's `checkList`: 'must be a list' for a non-list, then
 * 'must have between min and max items', so the project DTOs report what the decider would.
 */
const CheckedList = ({ min = 0, max = 1000 }: ListBounds): PropertyDecorator =>
  IsList(min, max, { message: ({ value }: ValidationArguments) => (Array.isArray(value) ? `must have between ${min} and ${max} items` : 'must be a list') });

/** A list of objects, each validated with its own DTO class, in `checkList`'s texts. */
export function NestedList(type: () => new () => object, limits: ListBounds = {}): PropertyDecorator {
  return applyDecorators(CheckedList(limits), IsObject({ each: true, message: 'must be a list of objects' }), NestedItems(type));
}

/** A list of scalars, each checked by `each` (a validator built with `{ each: true }`), in `checkList`'s texts. */
export function ListOf(each: PropertyDecorator, limits: ListBounds = {}): PropertyDecorator {
  return applyDecorators(CheckedList(limits), each);
}
