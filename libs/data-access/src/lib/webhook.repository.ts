/**
 * Webhook data access, one use case per file: endpoint management (API), the delivery log and
 * replays (API), delivery attempts (worker) and outbox dispatch (worker).
 */
export * from './webhook-endpoint.repository';
export * from './webhook-delivery.repository';
export * from './webhook-delivery-log.repository';
export * from './webhook-outbox-dispatch.repository';

import { OutboxDispatchRepository } from './webhook-outbox-dispatch.repository';
import { WebhookDeliveryLogRepository } from './webhook-delivery-log.repository';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

/** Providers for the api's webhook module (they need only the global PrismaService). */
export const WEBHOOK_API_REPOSITORIES = [WebhookEndpointRepository, WebhookDeliveryLogRepository] as const;
/** Providers for the worker's webhook module. */
export const WEBHOOK_WORKER_REPOSITORIES = [WebhookDeliveryRepository, OutboxDispatchRepository] as const;
