import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** One response as it went out on the wire: what the contract check compares with the served document. */
export interface CapturedResponse {
  method: string;
  /** Path and query, as the client sent them. */
  url: string;
  status: number;
  /** The media type without its parameters (`text/csv`), or null when the response has no Content-Type. */
  mediaType: string | null;
  body: Buffer;
}

/**
 * Records every response the server sends, from test code alone: a `request` listener put in
 * front of Express's (prependListener) wraps the response's write/end before any middleware
 * runs, so early answers (body-parser errors, the auth guard, unknown routes) are caught too.
 * Production code has no hook for it.
 */
export function captureResponses(server: Server): CapturedResponse[] {
  const captured: CapturedResponse[] = [];
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding: unknown): void => {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
      keep(chunk, encoding);
      return Reflect.apply(
        write,
        this,
        [chunk, encoding, callback].filter((arg) => arg !== undefined),
      );
    } as ServerResponse['write'];
    res.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
      keep(chunk, encoding);
      return Reflect.apply(
        end,
        this,
        [chunk, encoding, callback].filter((arg) => arg !== undefined),
      );
    } as ServerResponse['end'];
    res.on('finish', () => {
      const type = res.getHeader('content-type');
      captured.push({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        status: res.statusCode,
        mediaType: typeof type === 'string' ? type.split(';')[0]!.trim().toLowerCase() : null,
        body: Buffer.concat(chunks),
      });
    });
  });
  return captured;
}
