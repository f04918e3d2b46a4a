import { CodedError } from '@pagi/contracts';
import * as oidc from 'openid-client';
import { isLoopbackHost } from '../from-config.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Fixed callback URL; without it the callback is derived from the request that started the sign-in. */
  redirectUrl?: string;
}

interface Pending {
  verifier: string;
  nonce: string;
  redirectUri: string;
  at: number;
}

const PENDING_TTL_MS = 10 * 60_000;
const MAX_PENDING = 10_000;
const DISCOVERY_TIMEOUT_S = 10;

/** Who the provider vouched for. */
export interface OidcPerson {
  subject: string;
  name: string;
}

/**
 * The authorization-code flow with PKCE, state and nonce against an OpenID provider (openid-client does the
 * protocol: discovery, token exchange, ID-token validation). Pending sign-ins are kept here, keyed by their state,
 * for ten minutes.
 */
export class OidcLogin {
  private readonly settings: OidcSettings;
  private config: Promise<oidc.Configuration> | undefined;
  private readonly pending = new Map<string, Pending>();

  constructor(settings: OidcSettings) {
    this.settings = settings;
  }

  /** The provider's sign-in URL for a new attempt, and its state (bound to the browser by a cookie). */
  async start(defaultRedirectUri: string): Promise<{ url: string; state: string }> {
    const config = await this.discover();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const redirectUri = this.settings.redirectUrl ?? defaultRedirectUri;
    this.prune();
    this.pending.set(state, { verifier, nonce, redirectUri, at: Date.now() });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile email',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /** Completes a sign-in from the callback's query; `state` is the one the browser's cookie carries. */
  async finish(query: URLSearchParams, state: string | undefined): Promise<OidcPerson> {
    const pending = state ? this.pending.get(state) : undefined;
    if (!state || !pending || Date.now() - pending.at > PENDING_TTL_MS) {
      throw new CodedError('unauthenticated', 'this sign-in expired or was started elsewhere: try again');
    }
    this.pending.delete(state);
    const config = await this.discover();
    const callback = new URL(pending.redirectUri);
    callback.search = query.toString();
    let claims: oidc.IDToken | undefined;
    let profile: Record<string, unknown> = {};
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: pending.verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      // Many providers put the person's names in the user-info answer only, not in the ID token.
      if (claims?.sub && config.serverMetadata().userinfo_endpoint) {
        profile = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => ({}));
      }
    } catch (err) {
      const cause = (err as Error).cause instanceof Error ? ` (${((err as Error).cause as Error).message})` : '';
      throw new CodedError(
        'unauthenticated',
        `the provider did not confirm the sign-in: ${(err as Error).message}${cause}`,
      );
    }
    if (!claims?.sub) throw new CodedError('unauthenticated', 'the provider sent no subject');
    const name = [
      claims.preferred_username,
      profile.preferred_username,
      claims.name,
      profile.name,
      claims.email,
      profile.email,
      claims.sub,
    ].find((v): v is string => typeof v === 'string' && v.length > 0) as string;
    return { subject: `${claims.iss}#${claims.sub}`, name };
  }

  private discover(): Promise<oidc.Configuration> {
    // Discovery happens at the first sign-in (the provider may start after us) and is retried after a failure.
    this.config ??= (async () => {
      const issuer = new URL(this.settings.issuer);
      // Plain HTTP is accepted only for a provider on this machine (development, tests).
      const insecure = issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname.replace(/^\[|\]$/g, ''));
      return oidc.discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, {
        timeout: DISCOVERY_TIMEOUT_S,
        ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
      });
    })().catch((err: Error) => {
      this.config = undefined;
      throw new CodedError('upstream_unavailable', `the OpenID provider cannot be reached: ${err.message}`);
    });
    return this.config;
  }

  private prune(): void {
    const now = Date.now();
    for (const [state, p] of this.pending) if (now - p.at > PENDING_TTL_MS) this.pending.delete(state);
    while (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
  }
}
