import { Controller, Get, Headers, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { Actor } from '@clas/application';
import type { ProjectLettersAnswer, RenderedDocument } from '@clas/projections';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { AnswersWith } from '../contract/answers-with.decorator.js';
import { ApiErrorResponses } from '../http/api-error-responses.decorator.js';
import { QUERIES } from '../tokens.js';
import { IsAggregateId, IsOneOf } from '../validation/domain-validators.js';
import type { ClasQueriesPort } from './clas-queries.port.js';
import { ProjectPathParams } from './query-params.dto.js';
import { valueOf } from './query-result.js';
import { ReadScope } from './read-scope.js';
import { DETAIL_READERS } from './readers.js';

export const DOCUMENT_FORMATS = ['html', 'pdf'] as const;
type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export class LetterPathParams extends ProjectPathParams {
  @ApiProperty({ example: 'dec-2026-0042' })
  @IsAggregateId()
  letterId!: string;
}

export class DocumentQueryDto {
  @ApiPropertyOptional({ enum: DOCUMENT_FORMATS, description: 'Overrides the Accept header (a link in a browser: ?format=pdf)' })
  @IsOptional()
  @IsOneOf(DOCUMENT_FORMATS)
  format?: DocumentFormat;
}

const DOCUMENT_CONTENT = {
  'text/html': { schema: { type: 'string' } },
  'application/pdf': { schema: { type: 'string', format: 'binary' } },
};

/** ?format wins; else the Accept header: PDF when it asks for application/pdf, HTML otherwise. */
const formatOf = (query: DocumentQueryDto, accept: string | undefined): DocumentFormat =>
  query.format ?? (accept?.includes('application/pdf') ? 'pdf' : 'html');

/**
 * The document as a download: the same bytes whose SHA-256 the log records (x-document-sha256
 * says it, so a client can check before recording the sending).
 */
function documentResponse(rendered: RenderedDocument<unknown>, fileName: string, format: DocumentFormat): Response {
  const headers = { 'x-document-sha256': rendered.documentHash, 'cache-control': 'no-store' };
  if (format === 'html')
    return new Response(rendered.html, { status: 200, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
  return new Response(new Uint8Array(rendered.pdf), {
    status: 200,
    headers: { ...headers, 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${fileName}.pdf"` },
  });
}

/**
 * R-NOTIFY and R-AGREEMENT-ANNUAL: a project's decision letters and its annual agreement, each
 * rendered from the log as of its decision (the same bytes at any later date). Readers: the Caf
 * side and auditors of the Caf, the operator for its own projects; not dashboards (a letter
 * names one operator's file).
 */
@ApiTags('projects')
@ApiBearerAuth()
@Roles(...DETAIL_READERS)
@ApiErrorResponses(400, 401, 403, 404)
@Controller('projects')
export class LettersController {
  constructor(
    @Inject(QUERIES) private readonly queries: ClasQueriesPort,
    private readonly scope: ReadScope,
  ) {}

  @Get(':projectId/letters')
  @ApiOperation({
    operationId: 'projectLetters',
    summary: 'R-NOTIFY: one letter per decision and correction, with its document hash and whether it was sent; the annual agreement',
  })
  @AnswersWith('ProjectLettersAnswer', 'The letters in log order, each with the SHA-256 of its PDF and its sendings')
  async letters(@Param() path: ProjectPathParams, @CurrentActor() actor: Actor): Promise<ProjectLettersAnswer> {
    await this.scope.project(actor, path.projectId);
    return valueOf(await this.queries.projectLetters(path.projectId));
  }

  @Get(':projectId/letters/:letterId')
  @ApiOperation({
    operationId: 'projectLetter',
    summary: 'R-NOTIFY: the letter as HTML (default) or PDF (Accept: application/pdf, or ?format=pdf)',
  })
  @ApiProduces('text/html', 'application/pdf')
  @ApiResponse({
    status: 200,
    description: 'The letter, in French; header x-document-sha256 = SHA-256 of the PDF',
    content: DOCUMENT_CONTENT,
  })
  async letter(
    @Param() path: LetterPathParams,
    @Query() query: DocumentQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<Response> {
    await this.scope.project(actor, path.projectId);
    const rendered = valueOf(await this.queries.letter(path.projectId, path.letterId));
    return documentResponse(rendered, `lettre-${path.letterId}`, formatOf(query, accept));
  }

  @Get(':projectId/agreement')
  @ApiOperation({
    operationId: 'projectAgreement',
    summary: 'R-AGREEMENT-ANNUAL: the annual Clas agreement drawn from the approval, as HTML (default) or PDF',
  })
  @ApiProduces('text/html', 'application/pdf')
  @ApiResponse({
    status: 200,
    description: 'The agreement, in French; header x-document-sha256 = SHA-256 of the PDF',
    content: DOCUMENT_CONTENT,
  })
  async agreement(
    @Param() path: ProjectPathParams,
    @Query() query: DocumentQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<Response> {
    await this.scope.project(actor, path.projectId);
    const rendered = valueOf(await this.queries.agreement(path.projectId));
    return documentResponse(rendered, `convention-${path.projectId}`, formatOf(query, accept));
  }
}
