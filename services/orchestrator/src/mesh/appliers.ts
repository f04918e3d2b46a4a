import path from 'node:path';
import { parseTemplate } from '@pagi/agents';
import { CodedError, parseWith, policySchema } from '@pagi/contracts';
import { type Applier, type Appliers, fileApplier } from '@pagi/mesh';
import { fromRoot, type OrchestratorConfig } from '@pagi/runtime';
import { parse as parseYaml } from 'yaml';
import { type PromptStore, PromptUpdate } from '../prompts/prompt-store.ts';

// What each kind of fleet-wide change changes on this twin. Every payload is checked before it is proposed and
// again before it is applied, with the same schema the twin uses to load it.

const text = (payload: Uint8Array) => Buffer.from(payload).toString('utf8');

function yamlObject(payload: Uint8Array, what: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = parseYaml(text(payload));
  } catch (err) {
    throw new CodedError('invalid_request', `${what} is not valid YAML: ${(err as Error).message}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new CodedError('invalid_request', `${what} must be a YAML mapping`);
  return doc as Record<string, unknown>;
}

/** The system prompt: a new version in the prompt store, used from the next turn. */
function promptApplier(prompts: PromptStore): Applier {
  const check = (payload: Uint8Array) => {
    const prompt = text(payload);
    parseWith(PromptUpdate, { prompt, author: 'fleet', reason: 'accepted by the fleet' });
    if (prompt !== prompt.trim()) throw new CodedError('invalid_request', 'prompt must not start or end with blanks');
  };
  return {
    read: (target) => (target === 'default' ? Buffer.from(prompts.current().prompt) : new Uint8Array()),
    validate: check,
    write(target, payload) {
      if (target !== 'default') throw new CodedError('invalid_request', 'the system prompt’s target is "default"');
      prompts.update({ prompt: text(payload), author: 'fleet', reason: 'accepted by the fleet (Consensus Sync)' });
    },
  };
}

/** The tools service's policy file, which it reloads on change (TOOLS_POLICY_FILE). */
function policyApplier(file: string): Applier {
  const inner = fileApplier(path.dirname(file), '', (payload) => {
    const doc = yamlObject(payload, 'the tool policy');
    parseWith(policySchema, doc);
  });
  const only = (target: string) => {
    if (target !== 'default') throw new CodedError('invalid_request', 'the tool policy’s target is "default"');
    return path.basename(file);
  };
  return {
    read: (target) => (target === 'default' ? inner.read(path.basename(file)) : new Uint8Array()),
    validate: inner.validate,
    write: (target, payload) => inner.write(only(target), payload),
  };
}

/** Installs a tool's source: written atomically, then compiled by the build service (`compile`, in the background). */
function toolApplier(dir: string, compile: (name: string, source: string) => void): Applier {
  const files = fileApplier(dir, '.rs', (p) => {
    if (!text(p).trim()) throw new CodedError('invalid_request', 'a tool’s source must not be empty');
  });
  return {
    ...files,
    write(target, payload) {
      files.write(target, payload);
      compile(target, text(payload));
    },
  };
}

export function orchestratorAppliers(
  config: OrchestratorConfig,
  prompts: PromptStore,
  compile: (name: string, source: string) => void = () => {},
): Appliers {
  const dir = (kind: string) => path.join(config.FLEET_DIR, kind);
  return {
    system_prompt: promptApplier(prompts),
    tool_policy: policyApplier(fromRoot(config.TOOLS_POLICY_FILE)),
    agent_template: fileApplier(dir('agents'), '.yaml', (p, target) => {
      const checked = parseTemplate(text(p), target);
      if ('error' in checked) throw new CodedError('invalid_request', `not a valid agent template: ${checked.error}`);
    }),
    playbook: fileApplier(dir('playbooks'), '.yaml', (p) => void yamlObject(p, 'a playbook')),
    tool_install: toolApplier(dir('tools'), compile),
  };
}
