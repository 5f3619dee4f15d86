import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorResponseDto } from './http/error-response.dto.js';

/** Swagger UI at /docs, the document at /docs-json (both public: they describe, they hold no data). */
export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Clas API')
    .setDescription(
      'Event-sourced backend of the Clas funding campaigns (Caf). Commands append events; every question takes `at` (world time) and `knownAt` (knowledge time). ' +
        'Every error is JSON: `{ statusCode, code, message, … }` (see ErrorResponseDto). Authenticate with a bearer JWT (HS256) carrying sub, role, caf, operatorId.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto] });
  documentAuthFailureLimit(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Clas API' });
}

/**
 * The auth guard answers 429 on every route that needs a token once the caller's address has
 * failed too often (CLAS_AUTH_FAILURE_LIMIT): documented here, once, for every secured operation.
 */
function documentAuthFailureLimit(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation) || !operation.security?.length) continue;
      operation.responses['429'] = {
        description: 'Too many failed authentications from this address (TOO_MANY_AUTH_FAILURES); retry after Retry-After seconds',
        headers: { 'Retry-After': { description: 'seconds until the address may try again', schema: { type: 'integer' } } },
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } },
      };
    }
  }
}
