/** A failed call to a service behind the gateway, with the code the client sees. */
export class UpstreamError extends Error {
  readonly code: string;
  readonly statusCode: number;
  constructor(code: string, message: string, statusCode: number) {
    super(message);
    this.name = 'UpstreamError';
    this.code = code;
    this.statusCode = statusCode;
  }
}

/** Classifies a fetch failure: refused/reset → 502 upstream_unavailable, deadline → 504 upstream_timeout. */
export function upstreamFailure(service: string, err: unknown, timedOut: boolean): UpstreamError {
  if (err instanceof UpstreamError) return err;
  if (timedOut || (err as Error)?.name === 'TimeoutError') {
    return new UpstreamError('upstream_timeout', `${service} did not answer in time`, 504);
  }
  const e = err as { code?: string; cause?: { code?: string }; message?: string } | undefined;
  const cause = e?.cause?.code ?? e?.code ?? e?.message ?? 'unknown error';
  return new UpstreamError('upstream_unavailable', `${service} is unavailable (${cause})`, 502);
}
