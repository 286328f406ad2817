import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { webhookDeliveryPageSchema, webhookReplaySchema } from '@listinglens/contracts';
import { WebhookDeliveryLogRepository, WebhookEndpointRepository } from '@listinglens/data-access';
import { WebhookQueueProducer } from '@listinglens/queue';
import { RequireScopes } from '../auth/scopes.decorator';
import { ApiError, NotFoundError } from '../common/api-error';
import { parseUuid } from '../common/uuid-param';
import { parseQuery, uuidParam, uuidParams } from '../common/zod-validation';
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
  async list(@Param('id') id: string, @Query() query: unknown) {
    const endpointId = await this.existingEndpoint(id);
    const { limit, cursor, status } = parseQuery(deliveryListQuerySchema, query);
    const page = await this.deliveries.listForEndpoint(endpointId, { limit, status, after: cursor ? decodeDeliveryCursor(cursor) : undefined });
    return { items: page.items, nextCursor: page.next ? encodeDeliveryCursor(page.next) : null };
  }

  @Post(':messageId/replay')
  @HttpCode(202)
  @ApiRoute({
    summary: 'Send a message again now, with the same webhook-id and body (signed afresh)',
    params: z.object({ id: uuidParam, messageId: messageIdParam }),
    response: webhookReplaySchema,
    errors: { 409: 'endpoint_disabled: enable the endpoint first' },
  })
  async replay(@Param('id') id: string, @Param('messageId') messageId: string) {
    const endpointId = parseUuid('id', id);
    const eventId = eventIdOfMessage(messageId);
    const endpoint = await this.endpoints.findById(endpointId);
    if (!endpoint) throw new NotFoundError('webhook endpoint', id);
    if (endpoint.disabledAt) {
      throw new ApiError(409, 'endpoint_disabled', `webhook endpoint ${id} is disabled (${endpoint.disabledReason ?? 'no reason'}); enable it first`);
    }
    const ticket = await this.deliveries.prepareReplay(endpointId, eventId);
    if (!ticket) throw new NotFoundError('delivery', messageId);
    await this.queue.runNow(ticket.deliveryId, ticket.attempt);
    return { messageId, status: ticket.wasActive ? 'retrying' : 'replaying', attempt: ticket.attempt };
  }

  private async existingEndpoint(id: string): Promise<string> {
    const endpointId = parseUuid('id', id);
    if (!(await this.endpoints.findById(endpointId))) throw new NotFoundError('webhook endpoint', id);
    return endpointId;
  }
}
