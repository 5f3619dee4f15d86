import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
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
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Clas API' });
}
