import type { Detector, Finding } from '../detector.ts';
import { looksRandom } from '../value-shape.ts';

// Secrets with no known shape and no label: long base64 / hex tokens with the spread of random data. Hex strings
// named as what they are — a commit, a digest, a checksum — stay, and so do subresource-integrity hashes
// (sha512-…), SSH public keys, UUIDs and identifiers that read as words.

const TOKEN_CHARS = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-')
  TOKEN_CHARS[ch.charCodeAt(0)] = 1;
const NAMED_HASH =
  /(?:commit|sha\d*|md5|hash|digest|checksum|rev|revision|fingerprint|etag|object|blob|tree|merge|revert(?:ed)?|cherry-pick(?:ed)?|HEAD|crc\d*|integrity)\W{0,3}$/i;
const SRI = /^(?:sha(?:1|256|384|512)|md5)-/i;
/** SSH public keys: the base64 starts with the key type's name (ssh-rsa, ssh-ed25519, ecdsa-…). */
const SSH_PUBLIC_KEY = /^AAAA(?:B3NzaC1|C3NzaC1|E2VjZHNh|B2VjZHNh|D3NzaC1)/;

export const highEntropyDetector: Detector = {
  name: 'high-entropy',
  find(text) {
    const found: Finding[] = [];
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : 0;
      const inToken = code < 128 && TOKEN_CHARS[code] === 1;
      if (inToken) {
        if (start < 0) start = i;
        continue;
      }
      if (start >= 0 && i - start >= 20) {
        // Path separators and trailing padding around a token are not part of it.
        let s = start;
        let e = i;
        while (s < e && text[s] === '/') s++;
        while (e > s && (text[e - 1] === '/' || text[e - 1] === '-' || text[e - 1] === '_')) e--;
        const token = text.slice(s, e);
        const named =
          SRI.test(token) || SSH_PUBLIC_KEY.test(token) || NAMED_HASH.test(text.slice(Math.max(0, s - 24), s));
        if (!named && looksRandom(token)) {
          found.push({ start: s, end: e, type: 'SECRET' });
        }
      }
      start = -1;
    }
    return found;
  },
};
