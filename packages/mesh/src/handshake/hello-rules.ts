import type { Hello, Hello__Output } from '@pagi/contracts/gen/mesh/Hello.ts';

// What a node must say about itself to be let in, and whether two nodes speak a common protocol.

/** The mesh protocol this build speaks, "major.minor"; nodes talk when they share the major version. */
export const MESH_PROTOCOL = '1.0';
export const ROLES = ['voter', 'observer'] as const;
export type Role = (typeof ROLES)[number];

const MAX_TEXT = 128;
const MAX_LIST = 32;
const VERSION = /^(\d{1,4})\.(\d{1,4})$/;
/** Short, and free of control characters (code points below 32, and 127). */
const printable = (s: string) =>
  s.length <= MAX_TEXT && ![...s].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127);

/** Why a peer's hello is refused, or undefined when it is acceptable. */
export function refusal(hello: Hello__Output, ours: Hello): string | undefined {
  if (!hello.twin_id || !printable(hello.twin_id)) return 'hello without a valid twin id';
  if (!printable(hello.node_name) || !printable(hello.software_version)) return 'hello with an invalid name or version';
  if (!ROLES.includes(hello.role as Role)) return `unknown role "${hello.role.slice(0, MAX_TEXT)}"`;
  if (hello.capabilities.length > MAX_LIST || !hello.capabilities.every(printable))
    return 'hello with invalid capabilities';
  if (hello.protocol_versions.length > MAX_LIST) return 'hello with too many protocol versions';
  const majors = (versions: readonly string[]) =>
    new Set(versions.flatMap((v) => (VERSION.exec(v) ? [VERSION.exec(v)![1]!] : [])));
  const theirs = majors(hello.protocol_versions);
  const mine = majors(ours.protocol_versions ?? []);
  if (![...theirs].some((m) => mine.has(m))) {
    return `incompatible protocol: peer speaks ${hello.protocol_versions.join(', ') || 'nothing'}, this node ${[...(ours.protocol_versions ?? [])].join(', ')}`;
  }
  return undefined;
}
