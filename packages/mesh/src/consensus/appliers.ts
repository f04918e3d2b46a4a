import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ProposalKind } from '@pagi/contracts';

/**
 * How one kind of artifact is read and changed on this node. `write` must be atomic (all or nothing) and `read` must
 * return what the twin really uses, so that a change made outside the fleet shows as a conflict.
 */
export interface Applier {
  /** The content held now for `target` (empty when there is none). */
  read(target: string): Uint8Array;
  /** Throws (a CodedError) when `payload` is not valid content of this kind for `target`: such a proposal is refused. */
  validate(payload: Uint8Array, target: string): void;
  write(target: string, payload: Uint8Array): void;
}

export type Appliers = Record<ProposalKind, Applier>;

/** Artifacts kept as files, one per target (`<dir>/<target><ext>`), replaced by rename. */
export function fileApplier(
  dir: string,
  ext: string,
  validate: (payload: Uint8Array, target: string) => void = () => {},
): Applier {
  const file = (target: string) => path.join(dir, `${target}${ext}`);
  return {
    read(target) {
      try {
        return readFileSync(file(target));
      } catch {
        return new Uint8Array();
      }
    },
    validate,
    write(target, payload) {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file(target)}.${process.pid}.tmp`;
      writeFileSync(tmp, payload);
      renameSync(tmp, file(target));
    },
  };
}

/** Artifacts held in memory only (the simulation, and tests). */
export function memoryApplier(initial: Record<string, string> = {}): Applier & { contents: Map<string, Uint8Array> } {
  const contents = new Map(Object.entries(initial).map(([k, v]) => [k, new TextEncoder().encode(v)]));
  return {
    contents,
    read: (target) => contents.get(target) ?? new Uint8Array(),
    validate: () => {},
    write: (target, payload) => void contents.set(target, Uint8Array.from(payload)),
  };
}

/** Every kind held in memory, starting from `contents` (by kind, then target). */
export function memoryAppliers(contents: Partial<Record<ProposalKind, Record<string, string>>> = {}): Appliers {
  return {
    agent_template: memoryApplier(contents.agent_template),
    playbook: memoryApplier(contents.playbook),
    tool_policy: memoryApplier(contents.tool_policy),
    tool_install: memoryApplier(contents.tool_install),
    system_prompt: memoryApplier(contents.system_prompt),
  };
}
