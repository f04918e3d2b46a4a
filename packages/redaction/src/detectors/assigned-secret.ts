import { type Detector, type Finding, matchesOf } from '../detector.ts';
import { isStandIn, looksRandom } from '../value-shape.ts';

// A secret after a label that says so — `TWILIO_AUTH_TOKEN=…`, `AccountKey=…;`, `client_secret: "…"`,
// `encryption key: …`, `api token …` — and the credential after `Bearer` / `Basic`. The value has to look
// machine-made, so "the API key lives in the vault" and "token: required" stay.

const LABEL =
  '(?<![A-Za-z0-9])[A-Za-z0-9_.-]{0,30}?(?:secret|token|key|auth|credentials?|passkey|signature)[A-Za-z0-9_]{0,12}';
const ASSIGNED = new RegExp(
  `(?:${LABEL})(?:\\s{0,3}(?::=|=>|[:=])\\s{0,3}|(\\s{1,3}))("[^"\\n]{8,512}"|'[^'\\n]{8,512}'|[A-Za-z0-9+/=_.~!@#$%^&*()-]{12,4096})`,
  'dgi',
);
const SCHEME = /(?<![A-Za-z0-9])(?:Bearer|Basic|Token)\s{1,3}([A-Za-z0-9._~+/=-]{16,4096})/dg;

export const assignedSecretDetector: Detector = {
  name: 'assigned-secret',
  find(text) {
    const found: Finding[] = [];
    for (const m of matchesOf(ASSIGNED, text)) {
      const raw = m[2]!;
      const quoted = raw[0] === '"' || raw[0] === "'";
      const value = quoted ? raw.slice(1, -1) : raw.replace(/[.,)]+$/, '');
      const start = m.indices![2]![0] + (quoted ? 1 : 0);
      if (isStandIn(value)) continue;
      // A bare space after the label is weak evidence: only a clearly random value counts then.
      const random =
        m[1] !== undefined ? looksRandom(value, 20) : looksRandom(value, 12) || quotedSecret(value, quoted);
      if (random) found.push({ start, end: start + value.length, type: 'SECRET' });
    }
    for (const m of matchesOf(SCHEME, text)) {
      const [start, end] = m.indices![1]!;
      found.push({ start, end, type: 'SECRET' });
    }
    return found;
  },
};

/** A quoted value after a secret's label: taken when it mixes letters with digits or symbols. */
const quotedSecret = (value: string, quoted: boolean) =>
  quoted && value.length >= 8 && /[A-Za-z]/.test(value) && /[\d\W_]/.test(value) && !/\s/.test(value);
