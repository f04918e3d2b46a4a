import multipart from '@fastify/multipart';
import { identityOf } from '@pagi/auth';
import { CodedError } from '@pagi/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isAllowedMediaType } from './content-types.ts';
import { EmptyUploadError, type MediaStore } from './media-store.ts';

class FileTooLarge extends Error {}

/**
 * POST /v1/media/upload: multipart with one field "file". The bytes stream to disk under a generated name; the
 * size cap is enforced while streaming (the partial file is removed), zero-byte and non-media uploads are refused.
 */
export async function registerUploadRoute(app: FastifyInstance, store: MediaStore, maxBytes: number): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 4096, parts: 12, headerPairs: 100 },
  });

  app.post('/v1/media/upload', async (req) => {
    try {
      return await receive(req, store, maxBytes);
    } catch (err) {
      const answer = asUploadError(err);
      if (answer instanceof CodedError && answer.message === CUT_OFF) req.log.info('upload cut off by the client');
      throw answer;
    }
  });
}

const CUT_OFF = 'the upload was cut off';

/**
 * A body that is not the multipart it claims (no boundary, a broken part, cut short) or a client that went away is
 * the client's doing: a 400 in the shared shape, not an internal error.
 */
function asUploadError(err: unknown): unknown {
  if (err instanceof CodedError) return err;
  const e = err as { code?: string; message?: string };
  if (e?.message === 'aborted' || e?.code === 'ECONNRESET') return new CodedError('bad_request', CUT_OFF);
  if (
    /multipart|boundary|malformed|unexpected end|terminated early/i.test(e?.message ?? '') ||
    e?.code?.startsWith('FST_')
  ) {
    return new CodedError('bad_request', `malformed multipart body: ${e.message}`);
  }
  return err;
}

async function receive(req: FastifyRequest, store: MediaStore, maxBytes: number) {
  if (!req.isMultipart()) {
    throw new CodedError('unsupported_media_type', 'expected multipart/form-data with a "file" field');
  }
  const part = await req.file();
  if (!part) throw new CodedError('invalid_request', 'no file in the upload (field "file")');
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw new CodedError('invalid_request', `unexpected file field "${part.fieldname}", expected "file"`);
  }
  if (!isAllowedMediaType(part.mimetype)) {
    part.file.resume();
    throw new CodedError(
      'unsupported_media_type',
      `content type ${JSON.stringify(part.mimetype)} is not allowed (audio, video or image only)`,
    );
  }
  // Busboy stops at the cap and merely marks the stream truncated; failing it makes the store drop the file.
  part.file.once('limit', () => part.file.destroy(new FileTooLarge()));
  try {
    const item = await store.save(part.file, {
      originalName: part.filename,
      contentType: part.mimetype,
      owner: identityOf(req).user_id,
    });
    req.log.info({ id: item.id, size: item.size, content_type: item.content_type }, 'media stored');
    // Ids and names only: where the service keeps its files is nobody's business outside it.
    return { success: true, filename: item.filename, id: item.id };
  } catch (err) {
    if (err instanceof EmptyUploadError) throw new CodedError('empty_file', err.message);
    if (err instanceof FileTooLarge) {
      throw new CodedError('payload_too_large', `the file is larger than the limit of ${maxBytes} bytes`);
    }
    throw err;
  }
}
