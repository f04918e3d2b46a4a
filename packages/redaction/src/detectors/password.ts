import { type Detector, type Finding, matchesOf } from '../detector.ts';
import { isStandIn, looksLikePassword } from '../value-shape.ts';

// A password after its label: `password: …`, `DB_PASSWORD=…`, `Password=…;` in connection strings, `pwd=…`,
// `Passwort: …`, and `the password is …` in prose. After `:` or `=` any value is taken unless it is a stand-in
// (***, ${VAR}, required); after "is" only a value that looks like a password (digits, symbols, inner capitals),
// so "the password is stored in the vault" stays. Also passwords given to command-line tools (mysql -p…).

const LABEL =
  '(?<![A-Za-z0-9_])[A-Za-z0-9_]{0,30}?(?:password|passwd|passwort|kennwort|passphrase|passcode|mot de passe|contraseña|senha)(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?:[A-Za-z0-9]{1,20}_)?pwd(?![A-Za-z0-9_])';
const SEPARATOR = String.raw`(?:\s{0,3}(:=|=>|[:=])\s{0,3}|\s{1,3}(is|was|ist|est|es)\s{1,3})`;
const VALUE = String.raw`("[^"\n]{1,256}"|'[^'\n]{1,256}'|[^\s;'"]{1,256})`;
const PASSWORD = new RegExp(`(?:${LABEL})${SEPARATOR}${VALUE}`, 'dgi');
/** `pass:` alone is also a boarding pass or a season pass: only a value shaped like a password counts. */
const PASS = /(?<![A-Za-z0-9_-])pass\s{0,3}[:=]\s{0,3}([^\s;'"]{4,256})/dgi;
/** Passwords given to command-line tools: mysql -pSECRET, sshpass -p SECRET, --password SECRET. */
const FLAG =
  /(?<![\w-])(?:(?:mysql|mysqldump|mysqladmin|mariadb)\b[^\n]{0,120}?\s-p|sshpass\s{1,3}-p\s{0,3}|--password\s{1,3})("[^"\n]{1,256}"|'[^'\n]{1,256}'|[^\s;'"]{1,256})/dg;
const PIN = /(?<![A-Za-z0-9_])(?:PIN|pin code|PIN-Code)\s{0,3}(?:[:=]|is)\s{0,3}(\d{4,8})(?!\d)/dg;

export const passwordDetector: Detector = {
  name: 'password',
  find(text) {
    const found: Finding[] = [];
    for (const m of matchesOf(PASSWORD, text)) {
      const raw = m[3]!;
      const quoted = raw[0] === '"' || raw[0] === "'";
      const value = quoted ? raw.slice(1, -1) : raw.replace(/[.,)\]]+$/, '');
      const start = m.indices![3]![0] + (quoted ? 1 : 0);
      if (!value || isStandIn(value)) continue;
      if (m[2] !== undefined && !quoted && !looksLikePassword(value)) continue;
      found.push({ start, end: start + value.length, type: 'PASSWORD' });
    }
    for (const re of [PASS, FLAG]) {
      for (const m of matchesOf(re, text)) {
        const raw = m[1]!;
        const quoted = raw[0] === '"' || raw[0] === "'";
        const value = quoted ? raw.slice(1, -1) : raw;
        const start = m.indices![1]![0] + (quoted ? 1 : 0);
        if (isStandIn(value) || (re === PASS && !looksLikePassword(value))) continue;
        found.push({ start, end: start + value.length, type: 'PASSWORD' });
      }
    }
    for (const m of matchesOf(PIN, text)) {
      const [start, end] = m.indices![1]!;
      found.push({ start, end, type: 'PASSWORD' });
    }
    return found;
  },
};
