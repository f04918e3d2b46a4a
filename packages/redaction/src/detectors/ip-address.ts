import { type Detector, type Finding, matchesOf } from '../detector.ts';

// IPv4 and IPv6 host addresses. Kept: loopback and unspecified addresses (127.0.0.1, 0.0.0.0, ::1, ::), netmasks,
// four-part numbers named as versions or sections ("firmware 2.1.0.7", "section 3.2.1.4"), dotted runs longer than
// four parts (OIDs, build numbers), and colon runs that are not valid IPv6 (times, ratios, Rust paths, MACs).

const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)/g;
const IPV6 =
  /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?:%[\w.]{1,16})?(?![\w:])/g;
const VERSION_CUE =
  /(?:version|ver\.?|v|firmware|fw|release|build|driver|bios|kernel|section|sect\.?|§|chapter|clause|step|rule|item|oid|rfc|iso)\s{0,2}$/i;

function ipv4Kept(address: string, before: string): boolean {
  const octets = address.split('.').map(Number);
  if (octets.some((o) => o > 255)) return true;
  return octets[0] === 127 || octets[0] === 0 || octets[0] === 255 || VERSION_CUE.test(before);
}

/** A well-formed IPv6 address of a host: at most one `::`, eight groups in all, three or more written. */
function ipv6Host(candidate: string): boolean {
  const address = candidate.replace(/%.*$/, '');
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const written = halves.flatMap(groups);
  if (written.some((g) => g === '' || (!/^[0-9A-Fa-f]{1,4}$/.test(g) && !/^(?:\d{1,3}\.){3}\d{1,3}$/.test(g)))) {
    return false;
  }
  const width = written.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  if (halves.length === 1 ? width !== 8 : width > 7) return false;
  return written.length >= 3 && /\d/.test(address);
}

export const ipAddressDetector: Detector = {
  name: 'ip-address',
  find(text) {
    const found: Finding[] = [];
    for (const m of matchesOf(IPV4, text)) {
      if (!ipv4Kept(m[0], text.slice(Math.max(0, m.index - 16), m.index))) {
        found.push({ start: m.index, end: m.index + m[0].length, type: 'IP_ADDRESS' });
      }
    }
    for (const m of matchesOf(IPV6, text)) {
      const address = m[0].replace(/%.*$/, '');
      if (ipv6Host(m[0])) found.push({ start: m.index, end: m.index + address.length, type: 'IP_ADDRESS' });
    }
    return found;
  },
};
