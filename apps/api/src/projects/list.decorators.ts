import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, ValidateNested } from 'class-validator';

/**
 * Lists in request bodies. Kept next to the project DTOs for now (the campaign and operator
 * DTOs have none); the bounds are the domain's own (its `checkList` min/max), so the edge
 * refuses what the decider would refuse, with the same field path.
 */
export interface ListBounds {
  min?: number;
  max?: number;
}

function bounds({ min = 0, max = 1000 }: ListBounds): PropertyDecorator[] {
  const message = `must have between ${min} and ${max} items`;
  return [IsArray({ message: 'must be a list' }), ArrayMinSize(min, { message }), ArrayMaxSize(max, { message })];
}

/** A list of objects, each validated with its own DTO class (errors name `field[i].x`). */
export function NestedList(type: () => new () => object, limits: ListBounds = {}): PropertyDecorator {
  return applyDecorators(...bounds(limits), IsObject({ each: true, message: 'must be a list of objects' }), ValidateNested({ each: true }), Type(type));
}

/** A list of scalars, each checked by `each` (a validator built with `{ each: true }`). */
export function ListOf(each: PropertyDecorator, limits: ListBounds = {}): PropertyDecorator {
  return applyDecorators(...bounds(limits), each);
}
