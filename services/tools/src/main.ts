import path from 'node:path';
import {
  bindService,
  fromRoot,
  loadProto,
  runService,
  startGrpcServer,
  startMetricsServer,
  toolsConfigSchema,
} from '@pagi/runtime';
import type { ToolExecutorServiceHandlers } from '@pagi/runtime/gen/tools/ToolExecutorService.ts';
import { AuditLog } from './audit/audit-log.ts';
import { NETWORK_SCAN } from './builtin/network-scan.ts';
import { Catalog } from './catalog/catalog.ts';
import { Semaphore } from './concurrency/semaphore.ts';
import { ToolExecutor } from './execution/executor.ts';
import { PolicyStore } from './policy/watch.ts';
import { toolsHandlers } from './rpc/handlers.ts';
import { RunLedger } from './runs/run-ledger.ts';
import { detectSandbox, UID_RANGE } from './sandbox/detect.ts';

await runService({
  name: 'tools',
  config: toolsConfigSchema,
  async start({ config, logger, serviceToken }) {
    const policy = new PolicyStore(fromRoot(config.TOOLS_POLICY_FILE), logger);
    policy.watch();
    const { sandbox, bwrapAvailable } = await detectSandbox({
      useBwrap: config.TOOLS_USE_BWRAP,
      sandboxRoot: config.SANDBOX_DIR,
      ownedRoot: fromRoot(config.DATA_DIR),
      logger,
      uids: { base: config.TOOLS_RUN_UID_BASE, count: UID_RANGE },
    });
    const audit = new AuditLog(path.join(config.STATE_DIR, 'tools_audit.jsonl'));
    const runs = new RunLedger(path.join(config.STATE_DIR, 'tools_runs.sqlite'));
    const executor = new ToolExecutor({
      runs,
      policy,
      catalog: new Catalog(fromRoot(config.TOOLS_REPO_DIR), [NETWORK_SCAN]),
      sandbox,
      audit,
      slots: new Semaphore(config.TOOLS_MAX_CONCURRENT, config.TOOLS_MAX_CONCURRENT * 8),
      logger,
      sandboxRoot: config.SANDBOX_DIR,
      timeoutMs: config.TOOLS_TIMEOUT_MS,
      outputMaxBytes: config.TOOLS_OUTPUT_MAX_BYTES,
      limits: {
        processes: config.TOOLS_MAX_PROCESSES,
        memoryBytes: config.TOOLS_MAX_MEMORY_MB * 1024 * 1024,
        fileBytes: 64 * 1024 * 1024,
        scratchBytes: config.TOOLS_SCRATCH_MB * 1024 * 1024,
      },
      allowRestricted: config.ALLOW_RESTRICTED_COMMANDS,
      scanGates: {
        allowPublic: config.ALLOW_PUBLIC_NETWORK_SCAN,
        allowArbitraryPorts: config.ALLOW_ARBITRARY_PORT_SCAN,
        allowLoopback: config.ALLOW_LOOPBACK_NETWORK_SCAN,
      },
    });
    const proto = loadProto('tools');
    const grpcServer = await startGrpcServer({
      name: 'tools',
      host: config.BIND_HOST,
      port: config.TOOLS_GRPC_PORT,
      logger,
      protos: ['tools'],
      token: serviceToken,
      services: [
        bindService<ToolExecutorServiceHandlers>(
          'tools.ToolExecutorService',
          proto.tools.ToolExecutorService.service,
          toolsHandlers({ executor, sandbox: sandbox.kind, bwrapAvailable }),
        ),
      ],
    });
    const metricsServer = await startMetricsServer(
      'tools',
      logger,
      config.BIND_HOST,
      config.TOOLS_METRICS_PORT,
      () => ({
        sandbox: sandbox.kind,
        bwrap_available: bwrapAvailable,
        policy_generation: policy.generation,
      }),
    );
    logger.info({ sandbox: sandbox.kind, own_users: sandbox.ownUsers }, 'tools service ready');
    return [
      () => grpcServer.close(Math.min(config.TOOLS_TIMEOUT_MS + 2000, 12_000)),
      () => metricsServer.app.close(),
      () => policy.close(),
      () => audit.close(),
      () => runs.close(),
    ];
  },
});
