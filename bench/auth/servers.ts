// The servers of the authentication benchmark, in their own process: one route behind no guard (the baseline), and
// the same route behind the guard with accounts on. Prints the ports and credentials as one JSON line.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuthService, IdentitySigner, installGuard } from '@pagi/auth';
import { createHttpApp, createLogger, listen } from '@pagi/runtime';

const logger = createLogger('bench-auth', 'silent');
const dir = mkdtempSync(path.join(tmpdir(), 'pagi-bench-auth-'));
const auth = new AuthService({
  file: path.join(dir, 'auth.sqlite'),
  sessionIdleMs: 3_600_000,
  sessionMaxMs: 86_400_000,
});
const signer = new IdentitySigner('bench-service-token-0123456789abcdef');

const bare = createHttpApp({ service: 'bench', logger });
bare.get('/api/thing', async () => ({ ok: true }));

const guarded = createHttpApp({ service: 'bench', logger });
await installGuard(guarded, { mode: 'on', auth, signer, access: () => 'read' });
guarded.get('/api/thing', async (req) => ({ ok: true, who: req.identity?.name }));

const session = await auth.setup('bench', 'bench password long', '127.0.0.1');
const admin = { user_id: session.user.id, name: 'bench', role: 'admin' as const, via: 'session' as const };
const key = auth.createKey(admin, { name: 'bench' }).key;

console.log(
  JSON.stringify({
    bare: await listen(bare, '127.0.0.1', 0),
    guarded: await listen(guarded, '127.0.0.1', 0),
    key,
    cookie: `pagi_session=${session.token}`,
    // The gateway signs a fresh credential per forwarded request: one made here is valid for a minute.
    signed: signer.sign(admin),
  }),
);
