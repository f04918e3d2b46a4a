import { z } from 'zod';

/** `:id` of the knowledge routes: a file id as the status list gives it. */
export const FileIdParams = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/, 'must be a file id from the status list'),
});
