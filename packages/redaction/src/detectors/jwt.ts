import { type Detector, matchesOf } from '../detector.ts';

// JSON Web Tokens: base64url header and payload that both start with `{"` (eyJ), then the signature.
const JWT = /(?<![\w-])eyJ[\w-]{5,4096}\.eyJ[\w-]{5,16384}\.[\w-]{0,4096}(?![\w-])/g;

export const jwtDetector: Detector = {
  name: 'jwt',
  find: (text) => [...matchesOf(JWT, text)].map((m) => ({ start: m.index, end: m.index + m[0].length, type: 'JWT' })),
};
