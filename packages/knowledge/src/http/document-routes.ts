import multipart from '@fastify/multipart';
import {
  CodedError,
  type DocumentDeleteResponse,
  DocumentUpdateRequest,
  type KnowledgeUploadResponse,
  parseWith,
} from '@pagi/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ingestor } from '../ingest/ingestor.ts';
import type { Library } from '../ingest/library.ts';
import { saveUpload, UploadTooLarge, uploadName } from '../ingest/upload.ts';
import { toProgress } from '../ledger/ledger.ts';
import { FileIdParams } from './file-id.ts';
import { drainRefusedUpload } from './refused-upload.ts';

// The documents of the knowledge base as a person manages them from the browser: upload one into the ingest
// folder, delete one, re-file one into another domain.

export interface DocumentRouteDeps {
  ingestor: Ingestor;
  library: Library;
  /** The ingest folder (uploads land at its top level). */
  ingestDir: string;
  /** INGEST_MAX_FILE_BYTES: the same bound as for files dropped into the folder. */
  maxBytes: number;
}

/** Room for the multipart envelope (boundary, part headers) around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * A body that is not the multipart it claims, or a client that went away, is the client's doing: a 400 in the
 * shared shape, not an internal error.
 */
function asUploadError(err: unknown): unknown {
  if (err instanceof CodedError) return err;
  const e = err as { code?: string; message?: string };
  if (e?.message === 'aborted' || e?.code === 'ECONNRESET')
    return new CodedError('bad_request', 'the upload was cut off');
  if (
    /multipart|boundary|malformed|unexpected end|terminated early/i.test(e?.message ?? '') ||
    e?.code?.startsWith('FST_')
  )
    return new CodedError('bad_request', `malformed multipart body: ${e.message}`);
  return err;
}

async function receive(req: FastifyRequest, deps: DocumentRouteDeps): Promise<KnowledgeUploadResponse> {
  if (!req.isMultipart()) {
    throw new CodedError('unsupported_media_type', 'expected multipart/form-data with a "file" field');
  }
  const part = await req.file();
  if (!part) throw new CodedError('invalid_request', 'no file in the upload (field "file")');
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw new CodedError('invalid_request', `unexpected file field "${part.fieldname}", expected "file"`);
  }
  let name: string;
  try {
    name = uploadName(part.filename);
  } catch (err) {
    part.file.resume();
    throw err;
  }
  const saved = await saveUpload(part.file, deps.ingestDir, name, deps.maxBytes);
  req.log.info({ file: name, bytes: saved.bytes, replaced: saved.replaced }, 'document uploaded');
  // Queued now, and followed on the ingestion events like a file dropped into the folder.
  const { row } = deps.ingestor.offer(saved.path, true);
  if (!row) throw new CodedError('internal', `${name} was stored but could not be queued`);
  return { success: true, file: toProgress(row), replaced: saved.replaced };
}

export function registerDocumentRoutes(app: FastifyInstance, deps: DocumentRouteDeps): void {
  app.register(async (scope) => {
    // Multipart is parsed in this scope only; the file part is streamed, never held whole. The name is kept as sent
    // (path and all) so that a name with a path in it is refused, not quietly cut down to its last part.
    await scope.register(multipart, {
      preservePath: true,
      // One byte over the bound reaches saveUpload, which refuses it and drops the partial file; the parser cuts
      // the part off there and reads no more of it.
      limits: { fileSize: deps.maxBytes + 1, files: 1, fields: 4, fieldSize: 1024, parts: 6, headerPairs: 50 },
    });
    scope.post('/api/knowledge/upload', async (req) => {
      try {
        const declared = Number(req.headers['content-length'] ?? Number.NaN);
        if (Number.isFinite(declared) && declared > deps.maxBytes + MULTIPART_OVERHEAD) {
          throw new UploadTooLarge(deps.maxBytes);
        }
        return await receive(req, deps);
      } catch (err) {
        drainRefusedUpload(req);
        throw asUploadError(err);
      }
    });
  });

  app.delete('/api/knowledge/documents/:id', async (req): Promise<DocumentDeleteResponse> => {
    const { id } = parseWith(FileIdParams, req.params);
    return deps.library.delete(id);
  });

  app.patch('/api/knowledge/documents/:id', async (req) => {
    const { id } = parseWith(FileIdParams, req.params);
    const body = parseWith(DocumentUpdateRequest, req.body ?? {});
    return { file: toProgress(deps.library.refile(id, body.domain)) };
  });
}
