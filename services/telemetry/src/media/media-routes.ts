import { createReadStream } from 'node:fs';
import { identityOf } from '@pagi/auth';
import { CodedError, errorBody, httpStatusOf } from '@pagi/contracts';
import type { FastifyInstance } from 'fastify';
import { parseByteRange } from './byte-range.ts';
import type { MediaStore } from './media-store.ts';

/**
 * GET /v1/media (the caller's gallery) and GET /v1/media/:id (one of the caller's files, seekable through HTTP
 * Range).
 */
export function registerMediaRoutes(app: FastifyInstance, store: MediaStore): void {
  app.get('/v1/media', async (req) => ({ items: store.list(identityOf(req).user_id) }));

  app.get<{ Params: { id: string } }>('/v1/media/:id', async (req, reply) => {
    const item = store.get(req.params.id, identityOf(req).user_id);
    if (!item) throw new CodedError('not_found', `no media with id ${JSON.stringify(req.params.id.slice(0, 64))}`);
    const range = parseByteRange(req.headers.range, item.size);
    if (range.kind === 'unsatisfiable') {
      return reply
        .status(httpStatusOf('range_not_satisfiable'))
        .header('content-range', `bytes */${item.size}`)
        .send(errorBody('range_not_satisfiable', `range ${req.headers.range} is outside 0-${item.size - 1}`));
    }
    reply
      .header('accept-ranges', 'bytes')
      .header('content-type', item.content_type)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=3600')
      .header('content-disposition', `inline; filename="${item.filename}"`);
    if (range.kind === 'full') {
      reply.header('content-length', item.size);
      return reply.send(createReadStream(store.pathOf(item)));
    }
    reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${item.size}`)
      .header('content-length', range.end - range.start + 1);
    return reply.send(createReadStream(store.pathOf(item), { start: range.start, end: range.end }));
  });
}
