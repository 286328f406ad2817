import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PrismaService } from '@listinglens/data-access';
import { ScanQueueProducer } from '@listinglens/queue';
import { healthSchema, readinessSchema } from '@listinglens/contracts';
import { Public } from '../auth/scopes.decorator';
import { ApiRoute, ApiTag } from '../openapi/api-route.decorator';

const CHECK_TIMEOUT_MS = 2_000;

@ApiTag('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly queue: ScanQueueProducer,
  ) {}

  @Get('healthz')
  @HttpCode(200)
  @ApiRoute({ summary: 'Liveness: the process answers', response: healthSchema })
  healthz() {
    return { status: 'ok' };
  }

  @Get('readyz')
  @ApiRoute({
    summary: 'Readiness: PostgreSQL and Redis both answer within 2 s',
    response: readinessSchema,
    alsoAnswers: { 503: 'Not ready: a dependency did not answer (see checks)' },
  })
  async readyz(@Res({ passthrough: true }) reply: FastifyReply) {
    const [postgres, redis] = await Promise.all([
      check(() => this.prisma.ping()),
      check(() => this.queue.counts()),
    ]);
    const ready = postgres === 'ok' && redis === 'ok';
    void reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not_ready', checks: { postgres, redis } };
  }
}

async function check(probe: () => Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch (err) {
    return `error: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    clearTimeout(timer);
  }
}
