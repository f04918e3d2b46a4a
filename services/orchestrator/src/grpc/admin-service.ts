import { CodedError } from '@pagi/contracts';
import { bindService, loadProto } from '@pagi/runtime';
import type { AdminServiceHandlers } from '@pagi/runtime/gen/orchestrator/AdminService.ts';
import type { AuditLog } from '../hitl/audit.ts';
import type { PendingActionStore } from '../hitl/pending-actions.ts';
import type { Planner } from '../planner/planner.ts';
import type { PromptStore } from '../prompts/prompt-store.ts';

export interface DependencyProbe {
  name: string;
  check(): Promise<unknown>;
}

const HISTORY_DEFAULT = 20;
const HISTORY_MAX = 200;

/** orchestrator.AdminService: health with dependencies, and the versioned system prompt. */
export function adminService(deps: {
  planner: Planner;
  prompts: PromptStore;
  actions: PendingActionStore;
  audit: AuditLog;
  probes: DependencyProbe[];
}): ReturnType<typeof bindService> {
  const proto = loadProto('orchestrator');
  return bindService<AdminServiceHandlers>('orchestrator.AdminService', proto.orchestrator.AdminService.service, {
    HealthCheck: async () => {
      const dependencies = await Promise.all(
        deps.probes.map(async (p) => {
          const t0 = performance.now();
          const status = await p.check().then(
            () => 'ok',
            () => 'down',
          );
          return { name: p.name, status, latency_ms: Math.round((performance.now() - t0) * 100) / 100 };
        }),
      );
      return {
        status: dependencies.every((d) => d.status === 'ok') ? 'ok' : 'degraded',
        llm_provider: deps.planner.provider,
        dependencies,
        pending_actions: deps.actions.countPending(),
      };
    },
    GetPromptHistory: (req) => {
      if (req.limit < 0) throw new CodedError('invalid_request', 'limit must not be negative');
      const limit = Math.min(req.limit || HISTORY_DEFAULT, HISTORY_MAX);
      return { versions: deps.prompts.history(limit), current_version: deps.prompts.current().version };
    },
    UpdateSystemPrompt: (req) => {
      const v = deps.prompts.update(req);
      deps.audit.record({
        actor: `admin:${v.author}`,
        event: 'prompt.updated',
        detail: { version: v.version, reason: v.reason, chars: v.prompt.length },
      });
      return { success: true, version: v.version, message: `system prompt version ${v.version} is in effect` };
    },
  });
}
