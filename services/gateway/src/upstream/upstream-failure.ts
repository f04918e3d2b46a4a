import { CodedError, isErrorCode } from '@pagi/contracts';

/** Classifies a failed call to a service behind the gateway: refused/reset → upstream_unavailable, deadline → upstream_timeout. */
export function upstreamFailure(service: string, err: unknown, timedOut: boolean): CodedError {
  if (err instanceof CodedError) return err;
  if (timedOut || (err as Error)?.name === 'TimeoutError') {
    return new CodedError('upstream_timeout', `${service} did not answer in time`, { service, cause: err });
  }
  const e = err as { code?: string; cause?: { code?: string }; message?: string } | undefined;
  const cause = e?.cause?.code ?? e?.code ?? e?.message ?? 'unknown error';
  return new CodedError('upstream_unavailable', `${service} is unavailable (${cause})`, { service, cause: err });
}

/**
 * The error of a non-2xx answer: the service's own code and message when its body has the shared shape (the code
 * table gives the same status back), else a generic one.
 */
export function answerError(service: string, status: number, text: string): CodedError {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    const code = body.error?.code;
    if (isErrorCode(code)) return new CodedError(code, body.error?.message ?? text, { service });
  } catch {
    // not JSON: fall through to the generic error
  }
  return new CodedError('upstream_error', `${service} answered HTTP ${status}`, { service });
}
