import { DOMAINS, NAMESPACE_PATTERN, Namespace, TWIN_ID_PATTERN } from '@pagi/contracts';
import { z } from 'zod';

// Request shapes as they arrive from proto-loader (defaults filled in); everything is bounded here, at the edge.

export interface Limits {
  maxContentBytes: number;
  maxBatch: number;
}

/** Empty namespace means the default one, so simple callers need not name it. */
const namespace = z
  .string()
  .transform((s) => s.trim() || 'default')
  .pipe(Namespace);

const domain = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum([...DOMAINS, ''], { error: `must be one of ${DOMAINS.join(', ')} (or empty for none)` }));

const requiredDomain = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum(DOMAINS, { error: `must be one of ${DOMAINS.join(', ')}` }));

// proto3 strings arrive as "" when unset: an empty twin id means the memory belongs to no particular twin.
const twinId = z.string().refine((t) => t === '' || TWIN_ID_PATTERN.test(t), {
  message: 'letters, digits and _ . @ - only (at most 128)',
});

const source = z
  .object({
    file: z.string().max(1024, 'at most 1024 characters'),
    chunk_index: z.number().int().min(0, 'must be >= 0'),
    content_hash: z.string().max(128, 'at most 128 characters'),
  })
  .nullable()
  .transform((s) => s ?? { file: '', chunk_index: 0, content_hash: '' });

const metadata = z
  .record(z.string().max(128, 'keys at most 128 characters'), z.string().max(4096, 'values at most 4096 characters'))
  .refine((m) => Object.keys(m).length <= 64, 'at most 64 entries');

export function commitSchema(limits: Limits) {
  return z.object({
    content: z
      .string()
      .refine((s) => s.trim().length > 0, 'must not be empty')
      .refine(
        (s) => Buffer.byteLength(s, 'utf8') <= limits.maxContentBytes,
        `must be at most ${limits.maxContentBytes} bytes`,
      ),
    namespace,
    twin_id: twinId,
    domain,
    memory_type: z.string().max(64, 'at most 64 characters'),
    source,
    metadata,
    key: z.string().max(512, 'at most 512 characters'),
  });
}
export type CommitInput = z.infer<ReturnType<typeof commitSchema>>;

export function batchSchema(limits: Limits) {
  return z.object({
    memories: z
      .array(commitSchema(limits))
      .min(1, 'must hold at least one memory')
      .max(limits.maxBatch, `at most ${limits.maxBatch} memories per batch`),
  });
}

export const querySchema = z.object({
  query: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'must not be empty').max(4096, 'at most 4096 characters')),
  namespace,
  top_k: z.number().int().min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100'),
  domains: z.array(requiredDomain).max(4),
  twin_id: twinId,
});

export const listSchema = z.object({
  namespace,
  limit: z
    .number()
    .int()
    .min(0)
    .max(1000, 'at most 1000')
    .transform((n) => n || 100),
  page_token: z.string().max(256),
  include_vectors: z.boolean(),
  domains: z.array(requiredDomain).max(4),
  twin_id: twinId,
  source_file: z.string().max(1024, 'at most 1024 characters'),
});

export const deleteSchema = z
  .object({
    memory_id: z.string().trim().max(128),
    namespace: z.string(),
    source_file: z.string().max(1024),
  })
  .superRefine((d, ctx) => {
    if (!d.memory_id && !d.source_file) {
      ctx.addIssue({ code: 'custom', message: 'give memory_id, or namespace and source_file' });
    }
  })
  .transform((d) => ({ ...d, namespace: d.namespace.trim() || 'default' }))
  .refine((d) => Boolean(d.memory_id) || NAMESPACE_PATTERN.test(d.namespace), {
    message: 'letters, digits, _ and - only (at most 64)',
    path: ['namespace'],
  });
