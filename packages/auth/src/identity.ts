import { createHmac } from 'node:crypto';
import { Role } from '@pagi/contracts';
import { z } from 'zod';
import { sameText } from './secrets.ts';

/** Who a request acts for, however it proved it. */
export const Identity = z.object({
  user_id: z.string(),
  name: z.string(),
  role: Role,
  via: z.enum(['session', 'api_key', 'off']),
});
export type Identity = z.infer<typeof Identity>;

/** The identity of every request when AUTH_MODE=off (a single person on a loopback-only machine). */
export const LOCAL_IDENTITY: Identity = { user_id: 'local', name: 'local', role: 'admin', via: 'off' };

/** Header the gateway sets on requests it forwards; the services behind it drop any value a client sent. */
export const IDENTITY_HEADER = 'x-pagi-identity';

const LIFETIME_MS = 60_000;

/**
 * The gateway vouches for the person behind a forwarded request with this credential: the identity and an expiry,
 * signed with a key derived from the service token. A request that merely claims a user carries no valid
 * signature and is refused.
 */
export class IdentitySigner {
  private readonly key: Buffer;
  private readonly now: () => number;

  constructor(serviceToken: string, now: () => number = Date.now) {
    this.key = createHmac('sha256', serviceToken).update('pagi internal identity v1').digest();
    this.now = now;
  }

  sign(identity: Identity): string {
    const payload = Buffer.from(JSON.stringify({ ...identity, exp: this.now() + LIFETIME_MS })).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The identity a credential vouches for, or undefined when it is forged, damaged or expired. */
  verify(credential: string): Identity | undefined {
    const dot = credential.indexOf('.');
    if (dot < 0) return undefined;
    const payload = credential.slice(0, dot);
    if (!sameText(credential.slice(dot + 1), this.mac(payload))) return undefined;
    try {
      const { exp, ...rest } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (typeof exp !== 'number' || exp < this.now()) return undefined;
      const parsed = Identity.safeParse(rest);
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
