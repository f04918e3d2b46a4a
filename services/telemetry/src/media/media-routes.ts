import { createReadStream } from 'node:fs';
import { identityOf } from '@pagi/auth';
import { CodedError, errorBody, httpStatusOf } from '@pagi/contracts';
import type { FastifyInstance } from 'fastify';
import { parseByteRange } from './byte-range.ts';
import { attachmentDisposition } from './download-name.ts';
import type { MediaStore } from './media-store.ts';

const notFound = (id: string) => new CodedError('not_found', `no media with id ${JSON.stringify(id.slice(0, 64))}`);

/**
 * GET /v1/media (the caller's gallery), GET /v1/media/:id (one of the caller's files, seekable through HTTP Range;
 * `?download=1` saves it under its uploaded name) and DELETE /v1/media/:id.
 */
export function registerMediaRoutes(app: FastifyInstance, store: MediaStore): void {
  app.get('/v1/media', async (req) => ({ items: store.list(identityOf(req).user_id) }));

  app.delete<{ Params: { id: string } }>('/v1/media/:id', async (req) => {
    if (!(await store.remove(req.params.id, identityOf(req).user_id))) throw notFound(req.params.id);
    return { deleted: true, id: req.params.id };
  });

  app.get<{ Params: { id: string }; Querystring: { download?: string } }>('/v1/media/:id', async (req, reply) => {
    const item = store.get(req.params.id, identityOf(req).user_id);
    if (!item) throw notFound(req.params.id);
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
      .header(
        'content-disposition',
        req.query.download === '1'
          ? attachmentDisposition(item.original_name, item.filename)
          : `inline; filename="${item.filename}"`,
      );
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
