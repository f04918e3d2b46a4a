import { accessSync, constants } from 'node:fs';
import type { ToolKind } from '../policy/decide.ts';
import type { Policy } from '../policy/policy.ts';
import { findCompiled, listCompiled } from './compiled.ts';

export interface ToolRef {
  name: string;
  kind: ToolKind;
  description: string;
  /** Host path of the executable (system and compiled tools). */
  path?: string;
}

export interface Builtin {
  name: string;
  description: string;
}

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every tool the service knows: builtins, then system programs named in the policy that exist on this host, then
 * tools compiled into the repository (read from disk on every call, so nothing needs a restart).
 */
export class Catalog {
  private readonly repoDir: string;
  private readonly builtins: Map<string, Builtin>;

  constructor(repoDir: string, builtins: Builtin[]) {
    this.repoDir = repoDir;
    this.builtins = new Map(builtins.map((b) => [b.name, b]));
  }

  resolve(policy: Policy, name: string): ToolRef | undefined {
    const builtin = this.builtins.get(name);
    if (builtin) return { ...builtin, kind: 'builtin' };
    const sys = policy.systemTools.get(name);
    if (sys && executable(sys.path)) return { name, kind: 'system', description: sys.description, path: sys.path };
    const compiled = findCompiled(this.repoDir, name);
    if (compiled) return { name, kind: 'compiled', description: 'compiled Rust tool', path: compiled };
    return undefined;
  }

  all(policy: Policy): ToolRef[] {
    const seen = new Set<string>();
    const out: ToolRef[] = [];
    const add = (t: ToolRef) => {
      if (seen.has(t.name)) return;
      seen.add(t.name);
      out.push(t);
    };
    for (const b of this.builtins.values()) add({ ...b, kind: 'builtin' });
    for (const [name, sys] of policy.systemTools) {
      if (executable(sys.path)) add({ name, kind: 'system', description: sys.description, path: sys.path });
    }
    for (const c of listCompiled(this.repoDir)) add({ ...c, kind: 'compiled' });
    return out;
  }
}
