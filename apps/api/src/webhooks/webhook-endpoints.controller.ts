import { Body, Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { webhookEndpointCreatedSchema, webhookEndpointListSchema, webhookEndpointSchema, webhookSecretRotatedSchema } from '@listinglens/contracts';
import { type ApiKeyPrincipal, WebhookEndpointRepository, type WebhookEndpointView } from '@listinglens/data-access';
import { generateWebhookSecret, SECRET_ROTATION_OVERLAP_MS } from '@listinglens/webhooks';
import { RequireScopes } from '../auth/scopes.decorator';
import { NotFoundError } from '../common/api-error';
import { UuidParam, uuidParams } from '../common/uuid-param';
import { ZodPipe } from '../common/zod.pipe';
import { ApiRoute, ApiTag } from '../openapi/api-route.decorator';
import { createWebhookEndpointSchema } from './webhook-endpoint.schemas';
import { WebhookUrlPolicy } from './webhook-url-policy';

const endpointParams = uuidParams('id');

/**
 * Register and manage webhook endpoints. A secret is returned only when it is made (creation and
 * rotation); listings never include it.
 */
@ApiTag('webhooks')
@RequireScopes('admin')
@Controller('v1/webhook-endpoints')
export class WebhookEndpointsController {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly urlPolicy: WebhookUrlPolicy,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiRoute({
    summary: 'Register an endpoint for event types; the whsec_ signing secret is shown this once',
    body: createWebhookEndpointSchema,
    response: webhookEndpointCreatedSchema,
  })
  async create(@Body(new ZodPipe(createWebhookEndpointSchema)) input: z.output<typeof createWebhookEndpointSchema>, @Req() req: FastifyRequest & { principal?: ApiKeyPrincipal }) {
    await this.urlPolicy.assertDeliverable(input.url);
    const secret = generateWebhookSecret();
    const endpoint = await this.endpoints.create({ ...input, secret, ownerKeyId: req.principal?.keyId ?? null });
    return { id: endpoint.id, url: endpoint.url, events: endpoint.events, secret, createdAt: endpoint.createdAt };
  }

  @Get()
  @ApiRoute({ summary: 'Every endpoint with its state (failing since, disabled and why); no secrets', response: webhookEndpointListSchema })
  async list(): Promise<{ items: WebhookEndpointView[] }> {
    return { items: await this.endpoints.list() };
  }

  @Get(':id')
  @ApiRoute({ summary: 'One endpoint; no secret', params: endpointParams, response: webhookEndpointSchema })
  async get(@UuidParam('id') id: string): Promise<WebhookEndpointView> {
    const endpoint = await this.endpoints.findById(id);
    if (!endpoint) throw new NotFoundError('webhook endpoint', id);
    return endpoint;
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiRoute({
    summary: 'New signing secret, shown this once; the old one keeps signing alongside it for 24 h (two v1 signatures per message)',
    params: endpointParams,
    response: webhookSecretRotatedSchema,
  })
  async rotateSecret(@UuidParam('id') id: string) {
    const secret = generateWebhookSecret();
    const rotated = await this.endpoints.rotateSecret(id, secret, SECRET_ROTATION_OVERLAP_MS);
    if (!rotated) throw new NotFoundError('webhook endpoint', id);
    return { id, secret, previousSecretExpiresAt: rotated.previousSecretExpiresAt };
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiRoute({ summary: 'Re-enable a disabled endpoint (its cancelled deliveries can then be replayed)', params: endpointParams, response: webhookEndpointSchema })
  async enable(@UuidParam('id') id: string): Promise<WebhookEndpointView> {
    const endpoint = await this.endpoints.enable(id);
    if (!endpoint) throw new NotFoundError('webhook endpoint', id);
    return endpoint;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Delete an endpoint with its delivery log', params: endpointParams })
  async remove(@UuidParam('id') id: string): Promise<void> {
    if (!(await this.endpoints.delete(id))) throw new NotFoundError('webhook endpoint', id);
  }
}
