import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateIf, ValidateNested } from 'class-validator';

/** A required nested object validated with its own DTO class (errors get the nested path). */
export function Nested(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsObject({ message: 'must be an object' }), ValidateNested(), Type(type));
}

/** The value may be null (explicitly); any other value is validated by the decorators that follow. */
export const NullOr = (): PropertyDecorator => ValidateIf((_, value) => value !== null);
