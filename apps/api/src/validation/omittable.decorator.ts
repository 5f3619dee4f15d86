import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but not sent as null. class-validator's IsOptional (and
 * PartialType, which applies it) lets null through, and the domain reads a null as a value to
 * refuse: this keeps that refusal at the edge, naming the field.
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);
