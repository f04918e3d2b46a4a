import { type Detector, type Finding, groupSpan, matchesOf } from '../detector.ts';
import { isStandIn } from '../value-shape.ts';

// The password in a URL's user info (postgres://user:password@host, https://user:token@host). Only the password
// goes: scheme, user, host, port and path stay readable. The password runs to the last `@` before the host, so an
// unescaped `@` inside it is taken too. Key=value strings (Password=…;) are the password detector's.
const URL_PASSWORD =
  /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/[^\s:@/?#]{0,128}:([^\s/?#]{1,256})@(?=[A-Za-z0-9[])/dg;

export const connectionStringDetector: Detector = {
  name: 'connection-string',
  find(text) {
    const found: Finding[] = [];
    for (const m of matchesOf(URL_PASSWORD, text)) {
      const span = groupSpan(m, 1);
      if (span && !isStandIn(m[1]!)) found.push({ start: span[0], end: span[1], type: 'PASSWORD' });
    }
    return found;
  },
};
