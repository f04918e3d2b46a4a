// Memory service: wires configuration → embedder → store → gRPC server and metrics side server.
import {
  bindService,
  loadProto,
  memoryConfigSchema,
  runService,
  startGrpcServer,
  startMetricsServer,
} from '@pagi/runtime';
import type { MemoryServiceHandlers } from '@pagi/runtime/gen/memory/MemoryService.ts';
import { loadEmbedder } from './embedding/load-embedder.ts';
import { countsPublisher, memoryHandlers } from './service/memory-service.ts';
import { memoryMetrics } from './service/metrics.ts';
import { startReembedding } from './service/reembed.ts';
import { EmbeddedStore } from './store/embedded/embedded-store.ts';
import { openStore } from './store/open-store.ts';

await runService({
  name: 'memory',
  config: memoryConfigSchema,
  async start({ config, logger, serviceToken }) {
    const metrics = memoryMetrics();
    let embedderKind = '';
    const embedder = await loadEmbedder(config, logger, (n) =>
      metrics.embedBatch.observe({ embedder: embedderKind }, n),
    );
    embedderKind = embedder.kind;
    const store = await openStore(config, embedder, logger);
    const stopReembedding =
      store instanceof EmbeddedStore ? startReembedding(store, embedder, logger) : async () => undefined;

    const counts = countsPublisher(store, metrics, (err) => logger.warn({ err }, 'cannot count memories'));

    const proto = loadProto('memory');
    const grpcServer = await startGrpcServer({
      name: 'memory',
      host: config.BIND_HOST,
      port: config.MEMORY_GRPC_PORT,
      logger,
      protos: ['memory'],
      token: serviceToken,
      services: [
        bindService<MemoryServiceHandlers>(
          'memory.MemoryService',
          proto.memory.MemoryService.service,
          memoryHandlers({
            store,
            embedder,
            metrics,
            onWrite: counts.changed,
            limits: { maxContentBytes: config.MEMORY_MAX_CONTENT_BYTES, maxBatch: config.MEMORY_MAX_BATCH },
          }),
        ),
      ],
    });
    const side = await startMetricsServer('memory', logger, config.BIND_HOST, config.MEMORY_METRICS_PORT, () => ({
      store: store.backend,
      embedder: embedder.kind,
      detail: [embedder.detail, store.problem()].filter(Boolean).join('; '),
    }));

    logger.info(
      { grpcPort: grpcServer.port, metricsPort: side.port, store: store.backend, embedder: embedder.kind },
      'memory service ready',
    );
    return [
      () => grpcServer.close(),
      () => side.app.close(),
      counts.stop,
      stopReembedding,
      // Persists every changed HNSW index before exit.
      () => store.close(),
      () => embedder.close(),
    ];
  },
});
