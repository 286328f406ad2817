import { createServer, type Server } from 'node:http';
import { Global, Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { WORKER_CONFIG, type WorkerConfig } from '../config';
import { WorkerMetrics } from './worker-metrics';

/**
 * `GET /metrics` on WORKER_METRICS_PORT (off when 0). No key: the worker has no API keys to check, so
 * it listens on WORKER_METRICS_HOST (default 127.0.0.1) and is meant for a private scrape network only.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MetricsServer.name);
  private server?: Server;

  constructor(
    private readonly metrics: WorkerMetrics,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.WORKER_METRICS_PORT) return;
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"not_found","message":"only GET /metrics"}}');
        return;
      }
      this.metrics.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': this.metrics.registry.contentType }).end(text),
        (err: unknown) => {
          this.logger.error({ err }, 'metrics collection failed');
          res.writeHead(500).end();
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.WORKER_METRICS_PORT, this.config.WORKER_METRICS_HOST, () => resolve());
    });
    this.server = server;
    this.logger.log(`metrics on http://${this.config.WORKER_METRICS_HOST}:${this.config.WORKER_METRICS_PORT}/metrics`);
  }

  async onModuleDestroy(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Global so the scan and webhook modules can count into the same registry. */
@Global()
@Module({ providers: [WorkerMetrics, MetricsServer], exports: [WorkerMetrics] })
export class WorkerMetricsModule {}
