import type { Signed, Signed__Output } from '@pagi/contracts/gen/consensus/Signed.ts';
import type { RequestBody, RequestBody__Output } from '@pagi/contracts/gen/exchange/RequestBody.ts';
import type { Response, Response__Output } from '@pagi/contracts/gen/exchange/Response.ts';
import { codec } from '../wire.ts';

// Encoding of the exchange messages (proto/exchange.proto), each bounded. A share carries at most MAX_SHARED memories
// of at most MAX_MEMORY_CHARS each; a search answers with at most MAX_HITS.

export const MAX_SHARED = 200;
export const MAX_MEMORY_CHARS = 16 * 1024;
export const MAX_HITS = 50;
export const MAX_REQUEST_BYTES = 1024 * 1024;
export const MAX_RESPONSE_BYTES = 1024 * 1024;

export const signedRequestCodec = codec<Signed, Signed__Output>('consensus.Signed', MAX_REQUEST_BYTES);
export const requestBodyCodec = codec<RequestBody, RequestBody__Output>('exchange.RequestBody', MAX_REQUEST_BYTES);
export const responseCodec = codec<Response, Response__Output>('exchange.Response', MAX_RESPONSE_BYTES);
