import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { ResponseTypeName, ResponseTypes } from './response-types.js';

/** The served component of a declared answer (response-schemas.generated.ts). */
export const responseRef = (name: ResponseTypeName): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });

/** The downloads a query may answer with instead of JSON (?format=csv|xlsx). */
export const FILE_MEDIA_TYPES = {
  'text/csv': { schema: { type: 'string' } },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
} as const;

type Handler<R> = (...args: never[]) => Promise<R>;
/** A method decorator that only applies to a handler returning R: the documented body and the returned one are the same type. */
type ReturningDecorator<R> = <M extends Handler<R>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>) => void;

function documenting<R>(status: number, description: string, content: Record<string, { schema: object }>): ReturningDecorator<R> {
  const decorator = applyDecorators(ApiResponse({ status, description, content }));
  return (target, key, descriptor) => decorator(target, key, descriptor);
}

/**
 * Documents the JSON body a query answers with, by its ResponseTypes name; it compiles only on a
 * handler that returns that very type (so a controller cannot document one answer and return another).
 */
export function AnswersWith<N extends ResponseTypeName>(name: N, description: string): ReturningDecorator<ResponseTypes[N]> {
  return documenting(200, description, { 'application/json': { schema: responseRef(name) } });
}

/** The same, for a query that also answers with a CSV or XLSX download (a web Response). */
export function AnswersWithOrFile<N extends ResponseTypeName>(
  name: N,
  description: string,
): ReturningDecorator<ResponseTypes[N] | Response> {
  return documenting(200, description, { 'application/json': { schema: responseRef(name) }, ...FILE_MEDIA_TYPES });
}
