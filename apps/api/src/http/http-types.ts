import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '@clas/application';

/**
 * The few Express request/response members the API touches. Declared here because
 * @types/express is not a dependency; Express's objects satisfy these shapes.
 */
export interface HttpRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The client's address as Express derives it (the peer, or X-Forwarded-For per 'trust proxy'). */
  ip?: string;
  /** Set by correlationIdMiddleware. */
  correlationId?: string;
  /** Set by the auth guard from the verified token. */
  actor?: Actor;
}

export interface HttpResponse {
  headersSent: boolean;
  status(code: number): HttpResponse;
  json(body: unknown): unknown;
  setHeader(name: string, value: string): unknown;
  end(): unknown;
}

export type Next = (error?: unknown) => void;
