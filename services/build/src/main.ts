import {
  bindService,
  buildConfigSchema,
  fromRoot,
  loadProto,
  runService,
  startGrpcServer,
  startMetricsServer,
} from '@pagi/runtime';
import type { BuildServiceHandlers } from '@pagi/runtime/gen/build/BuildService.ts';
import { detectSandbox, UID_RANGE } from '@pagi/tools';
import { Builder } from './builder/builder.ts';
import { reachableToolchain } from './compiler/reachable-toolchain.ts';
import { resolveToolchain, type Toolchain } from './compiler/toolchain.ts';
import { BuildQueue } from './queue/build-queue.ts';
import { buildHandlers } from './rpc/handlers.ts';

await runService({
  name: 'build',
  config: buildConfigSchema,
  async start({ config, logger, serviceToken }) {
    // The compiler runs like a tool: as a user of the build range, without capabilities; the toolchain is mounted
    // by the service, so it may live in a private home. Its input is source text only: no build scripts, no crates,
    // no network.
    const { sandbox } = await detectSandbox({
      useBwrap: config.TOOLS_USE_BWRAP,
      sandboxRoot: config.SANDBOX_DIR,
      ownedRoot: fromRoot(config.DATA_DIR),
      logger,
      uids: { base: config.BUILD_RUN_UID_BASE, count: UID_RANGE },
    });
    let toolchain: Toolchain | undefined;
    let unavailable: string | undefined;
    try {
      toolchain = await reachableToolchain(await resolveToolchain(config.RUSTC_PATH), {
        dataDir: fromRoot(config.DATA_DIR),
        user: sandbox.ownUsers ? { uid: config.BUILD_RUN_UID_BASE, gid: config.BUILD_RUN_UID_BASE } : undefined,
        logger,
      });
      logger.info({ rustc: toolchain.rustc, version: toolchain.version }, 'Rust toolchain found');
    } catch (err) {
      unavailable = `no usable Rust compiler (${config.RUSTC_PATH}): ${(err as Error).message}`;
      logger.error(unavailable);
    }
    // Without bubblewrap the compiler could read any host file through include_str!; compile that way only when
    // the operator chose it explicitly.
    if (sandbox.kind !== 'bwrap' && config.TOOLS_USE_BWRAP !== false) {
      unavailable ??= 'bubblewrap is needed to compile tools safely; set TOOLS_USE_BWRAP=false to compile without it';
      logger.error(unavailable);
    }
    const builder = new Builder({
      sandbox,
      toolchain,
      unavailable,
      queue: new BuildQueue(config.BUILD_CONCURRENCY, 32),
      repoDir: fromRoot(config.TOOLS_REPO_DIR),
      sandboxRoot: config.SANDBOX_DIR,
      timeoutMs: config.BUILD_TIMEOUT_MS,
      memoryBytes: config.BUILD_MAX_MEMORY_MB * 1024 * 1024,
      scratchBytes: config.BUILD_SCRATCH_MB * 1024 * 1024,
      logger,
    });
    const proto = loadProto('build');
    const grpcServer = await startGrpcServer({
      name: 'build',
      host: config.BIND_HOST,
      port: config.BUILD_SERVICE_PORT,
      logger,
      protos: ['build'],
      token: serviceToken,
      services: [
        bindService<BuildServiceHandlers>(
          'build.BuildService',
          proto.build.BuildService.service,
          buildHandlers({
            builder,
            maxSourceBytes: config.BUILD_MAX_SOURCE_BYTES,
            compilerVersion: unavailable ? '' : (toolchain?.version ?? ''),
            sandboxed: sandbox.kind === 'bwrap',
          }),
        ),
      ],
    });
    const metricsServer = await startMetricsServer(
      'build',
      logger,
      config.BIND_HOST,
      config.BUILD_METRICS_PORT,
      () => ({
        sandbox: sandbox.kind,
        compiler: toolchain?.version ?? null,
      }),
    );
    logger.info({ grpcPort: grpcServer.port, sandbox: sandbox.kind }, 'build service ready');
    return [() => grpcServer.close(12_000), () => metricsServer.app.close()];
  },
});
