import path from 'node:path';
import { fromRoot, type GatewayConfig, type Logger } from '@pagi/runtime';
import { AuthService } from './auth-service.ts';
import { IdentitySigner } from './identity.ts';

type AuthConfig = Pick<
  GatewayConfig,
  | 'AUTH_MODE'
  | 'AUTH_DB'
  | 'DATA_DIR'
  | 'BIND_HOST'
  | 'PAGI_ADMIN_API_KEY'
  | 'SESSION_IDLE_HOURS'
  | 'SESSION_MAX_DAYS'
  | 'AUTH_LOGIN_MAX_FAILURES'
  | 'AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS'
  | 'AUTH_LOGIN_WINDOW_SECONDS'
> & { OIDC_DEFAULT_ROLE?: GatewayConfig['OIDC_DEFAULT_ROLE'] };

export interface NodeAuth {
  mode: 'on' | 'off';
  /** Absent when AUTH_MODE=off. */
  auth: AuthService | undefined;
  signer: IdentitySigner;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * The accounts of this node as a service's configuration describes them. AUTH_MODE=off is refused unless the
 * service listens on loopback only; PAGI_ADMIN_API_KEY seeds the first admin on a node without accounts.
 */
export function authFromConfig(config: AuthConfig, serviceToken: string, logger: Logger, now?: () => number): NodeAuth {
  const signer = new IdentitySigner(serviceToken, now);
  if (config.AUTH_MODE === 'off') {
    if (!isLoopbackHost(config.BIND_HOST)) {
      throw new Error(
        `AUTH_MODE=off is only allowed when BIND_HOST is a loopback address (it is ${config.BIND_HOST}): anyone who reaches this node would act as its admin`,
      );
    }
    logger.warn('AUTH_MODE=off: no sign-in, every request acts as the local admin (loopback only)');
    return { mode: 'off', auth: undefined, signer };
  }
  const auth = new AuthService({
    file: config.AUTH_DB ? fromRoot(config.AUTH_DB) : path.join(fromRoot(config.DATA_DIR), 'state', 'auth.sqlite'),
    sessionIdleMs: config.SESSION_IDLE_HOURS * 3_600_000,
    sessionMaxMs: config.SESSION_MAX_DAYS * 86_400_000,
    login: {
      windowMs: config.AUTH_LOGIN_WINDOW_SECONDS * 1000,
      perAccount: config.AUTH_LOGIN_MAX_FAILURES,
      perAddress: config.AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS,
    },
    oidcRole: config.OIDC_DEFAULT_ROLE,
    now,
  });
  if (config.PAGI_ADMIN_API_KEY && auth.seedAdminKey(config.PAGI_ADMIN_API_KEY)) {
    logger.info('first start: an admin account holding PAGI_ADMIN_API_KEY was made');
  } else if (auth.setupRequired) {
    logger.info('no account yet: open the UI to create the admin account');
  }
  return { mode: 'on', auth, signer };
}
