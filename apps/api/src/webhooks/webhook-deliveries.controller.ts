import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { ApiErrorCode, webhookDeliveryPageSchema, webhookReplaySchema } from '@listinglens/contracts';
import { WebhookDeliveryLogRepository, WebhookEndpointRepository } from '@listinglens/data-access';
import { WebhookQueueProducer } from '@listinglens/queue';
import { RequireScopes } from '../auth/scopes.decorator';
import { ApiError, NotFoundError } from '../common/api-error';
import { UuidParam, uuidParam, uuidParams } from '../common/uuid-param';
import { ZodPipe } from '../common/zod.pipe';
import { ApiRoute, ApiTag } from '../openapi/api-route.decorator';
import { decodeDeliveryCursor, encodeDeliveryCursor, eventIdOfMessage, messageIdParam } from './delivery-cursor';
import { deliveryListQuerySchema } from './webhook-endpoint.schemas';

/** An endpoint's delivery log (every attempt) and replays. */
@ApiTag('webhooks')
@RequireScopes('admin')
@Controller('v1/webhook-endpoints/:id/deliveries')
export class WebhookDeliveriesController {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryLogRepository,
    private readonly queue: WebhookQueueProducer,
  ) {}

  @Get()
  @ApiRoute({
    summary: 'Deliveries, newest first, each with every attempt (status code, latency, error, response excerpt)',
    params: uuidParams('id'),
    query: deliveryListQuerySchema,
    response: webhookDeliveryPageSchema,
  })
  async list(@UuidParam('id') id: string, @Query(new ZodPipe(deliveryListQuerySchema)) query: z.output<typeof deliveryListQuerySchema>) {
    if (!(await this.endpoints.findById(id))) throw new NotFoundError('webhook endpoint', id);
    const { limit, cursor, status } = query;
    const page = await this.deliveries.listForEndpoint(id, { limit, status, after: cursor ? decodeDeliveryCursor(cursor) : undefined });
    return { items: page.items, nextCursor: page.next ? encodeDeliveryCursor(page.next) : null };
  }

  @Post(':messageId/replay')
  @HttpCode(202)
  @ApiRoute({
    summary: 'Send a message again now, with the same webhook-id and body (signed afresh)',
    params: z.object({ id: uuidParam, messageId: messageIdParam }),
    response: webhookReplaySchema,
    errors: { 409: { code: ApiErrorCode.EndpointDisabled, when: 'enable the endpoint first' } },
  })
  async replay(@UuidParam('id') id: string, @Param('messageId') messageId: string) {
    const eventId = eventIdOfMessage(messageId);
    const endpoint = await this.endpoints.findById(id);
    if (!endpoint) throw new NotFoundError('webhook endpoint', id);
    if (endpoint.disabledAt) {
      throw new ApiError(409, ApiErrorCode.EndpointDisabled, `webhook endpoint ${id} is disabled (${endpoint.disabledReason ?? 'no reason'}); enable it first`);
    }
    const ticket = await this.deliveries.prepareReplay(id, eventId);
    if (!ticket) throw new NotFoundError('delivery', messageId);
    await this.queue.runNow(ticket.deliveryId, ticket.attempt);
    return { messageId, status: ticket.wasActive ? 'retrying' : 'replaying', attempt: ticket.attempt };
  }
}
