import { createHash, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWebhookSecret } from '@listinglens/webhooks';
import { type Stack, startStack } from '../support/stack';
import { webhookFixtures } from '../webhooks/webhook-fixtures';
import { WebhookReceiver, waitFor } from '../webhooks/webhook-receiver';

// Short retry steps so a whole schedule fits in a test; the default is the issue's 0 s … 10 h.
const SCHEDULE = [0, 500, 1_000, 1_500, 2_000, 2_500];

let stack: Stack;
const receiver = new WebhookReceiver();
const downReceiver = new WebhookReceiver();
const hooks = webhookFixtures(() => stack, () => receiver);

beforeAll(async () => {
  await receiver.start();
  await downReceiver.start();
  // Two workers: outbox dispatch and delivery must stay exactly-once per endpoint and event.
  stack = await startStack(
    'webhooks',
    { WEBHOOK_ALLOW_HOSTS: 'localhost', WEBHOOK_RETRY_SCHEDULE_MS: SCHEDULE.join(','), WEBHOOK_DISPATCH_INTERVAL_MS: '100', WEBHOOK_TIMEOUT_MS: '3000', WEBHOOK_RECONCILE_INTERVAL_MS: '1000' },
    2,
  );
});
afterAll(async () => {
  await stack?.stop();
  await receiver.stop();
  await downReceiver.stop();
});

describe('webhook endpoints API', () => {
  it('registers an endpoint and shows its whsec_ secret once, never in listings', async () => {
    const res = await stack.request('POST', '/v1/webhook-endpoints', { url: receiver.url('/api'), events: ['scan.completed', 'scan.completed'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), events: ['scan.completed'], secret: expect.stringMatching(/^whsec_/) });
    const list = await stack.request('GET', '/v1/webhook-endpoints');
    expect(list.status).toBe(200);
    expect(list.body.items.find((e: { id: string }) => e.id === res.body.id)).toMatchObject({ url: receiver.url('/api'), disabledAt: null });
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
    expect(JSON.stringify((await stack.request('GET', `/v1/webhook-endpoints/${res.body.id}`)).body)).not.toContain('whsec_');
  });

  it('refuses unknown event types and bad URLs with a 400 naming the field', async () => {
    const fields = async (body: unknown) => {
      const res = await stack.request('POST', '/v1/webhook-endpoints', body);
      expect(res.status).toBe(400);
      return (res.body.error.fields as Array<{ field: string }>).map((f) => f.field);
    };
    expect(await fields({ url: receiver.url('/x'), events: ['listing.flagged', 'listing.deleted'] })).toEqual(['events[1]']);
    expect(await fields({ url: receiver.url('/x'), events: [] })).toEqual(['events']);
    expect(await fields({ url: 'ftp://example.com/hook', events: ['scan.completed'] })).toEqual(['url']);
    expect(await fields({ url: 'not a url', events: ['scan.completed'] })).toEqual(['url']);
    expect(await fields({ url: 'https://user:pw@example.com/', events: ['scan.completed'] })).toEqual(['url']);
    expect(await fields({ url: 'https://example.com/', events: ['scan.completed'], extra: 1 })).toEqual(['(body)']);
  });

  it('needs the admin scope', async () => {
    const key = `ll_${randomBytes(18).toString('base64url')}`;
    await stack.db.query(`INSERT INTO api_keys (id, name, "keyHash", scopes) VALUES (gen_random_uuid(), 'reader', $1, ARRAY['read','review'])`, [
      createHash('sha256').update(key).digest('hex'),
    ]);
    const asReader = { authorization: `Bearer ${key}` };
    expect((await stack.request('GET', '/v1/webhook-endpoints', undefined, asReader)).status).toBe(403);
    expect((await stack.request('POST', '/v1/webhook-endpoints', { url: receiver.url('/r'), events: ['scan.completed'] }, asReader)).status).toBe(403);
    expect((await stack.request('GET', '/v1/webhook-endpoints', undefined, { authorization: 'Bearer nope-nope-nope' })).status).toBe(401);
  });

  it('answers 404 for unknown endpoints and messages, 400 for malformed ids', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await stack.request('POST', `/v1/webhook-endpoints/${missing}/rotate-secret`)).status).toBe(404);
    expect((await stack.request('GET', `/v1/webhook-endpoints/${missing}/deliveries`)).status).toBe(404);
    expect((await stack.request('GET', '/v1/webhook-endpoints/nope/deliveries')).status).toBe(400);
    const { id } = await hooks.endpoint('/ids', ['scan.completed']);
    expect((await stack.request('POST', `/v1/webhook-endpoints/${id}/deliveries/msg_${missing}/replay`)).status).toBe(404);
    const bad = await stack.request('POST', `/v1/webhook-endpoints/${id}/deliveries/nope/replay`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ field: 'messageId', message: expect.any(String) }]);
    expect((await stack.request('GET', `/v1/webhook-endpoints/${id}/deliveries?cursor=garbage`)).body.error.fields[0].field).toBe('cursor');
  });
});

describe('delivery', () => {
  it('delivers an outbox event once per webhook-id, signed, as a {type, timestamp, data} envelope, only to subscribers', async () => {
    const a = await hooks.endpoint('/once-a', ['listing.flagged']);
    const b = await hooks.endpoint('/once-b', ['listing.flagged', 'scan.completed']);
    const data = hooks.flagged();
    const eventId = await hooks.emit('listing.flagged', data);
    const ignored = await hooks.emit('notice.created', { noticeId: 'n', puid: 'p', listingId: 'l', sellerId: 's', restriction: 'r' });
    await hooks.waitForDelivery(a.id, eventId, ['delivered']);
    await hooks.waitForDelivery(b.id, eventId, ['delivered']);
    await new Promise((r) => setTimeout(r, 1_000)); // time for a duplicate to show up, if there were one
    for (const path of ['/once-a', '/once-b']) {
      const got = receiver.at(path);
      expect(got.map((m) => m.webhookId)).toEqual([`msg_${eventId}`]);
      expect(got[0].verifiedBy).toEqual([0]);
      const envelope = JSON.parse(got[0].body);
      expect(envelope).toEqual({ type: 'listing.flagged', timestamp: expect.any(String), data });
      expect(Math.abs(Number(got[0].timestamp) * 1000 - Date.now())).toBeLessThan(60_000);
    }
    expect(await hooks.delivery(a.id, ignored)).toBeUndefined();
    const logged = await hooks.logged(a.id, `msg_${eventId}`);
    expect(logged).toMatchObject({ status: 'delivered', eventType: 'listing.flagged', attemptCount: 1 });
    expect(logged?.attempts).toEqual([{ at: expect.any(String), statusCode: 204, latencyMs: expect.any(Number), error: null, responseExcerpt: null }]);
  });

  it('stays exactly-once per endpoint and event with a burst of events and two workers', async () => {
    const { id } = await hooks.endpoint('/burst', ['scan.completed'], () => ({ status: 200, body: 'ok' }));
    const events: string[] = [];
    for (let i = 0; i < 30; i++) {
      events.push(await hooks.emit('scan.completed', { scanId: `s${i}`, listingId: 'l', marketplace: 'm', externalId: `e${i}`, status: 'completed', findingCodes: [] }));
    }
    await waitFor('30 deliveries', () => receiver.at('/burst').length >= 30 || undefined);
    await new Promise((r) => setTimeout(r, 1_000));
    const ids = receiver.at('/burst').map((m) => m.webhookId);
    expect(ids.sort()).toEqual(events.map((e) => `msg_${e}`).sort());
    const [{ count }] = await stack.db.query<{ count: string }>(`SELECT count(*) FROM webhook_deliveries WHERE "endpointId" = $1`, [id]);
    expect(Number(count)).toBe(30);
    const undispatched = await stack.db.query(`SELECT id FROM outbox_events WHERE "dispatchedAt" IS NULL AND id = ANY($1::uuid[])`, [events]);
    expect(undispatched).toEqual([]);
  });

  it('retries while the receiver is down and delivers once it is back up', async () => {
    const res = await stack.request('POST', '/v1/webhook-endpoints', { url: downReceiver.url('/later'), events: ['listing.flagged'] });
    downReceiver.expect('/later', [res.body.secret]);
    await downReceiver.stop();
    const eventId = await hooks.emit('listing.flagged');
    await waitFor('two failed attempts', async () => ((await hooks.delivery(res.body.id, eventId))?.attempts ?? 0) >= 2 || undefined);
    expect((await hooks.delivery(res.body.id, eventId)).status).toBe('retrying');
    await downReceiver.start();
    await hooks.waitForDelivery(res.body.id, eventId, ['delivered']);
    expect(downReceiver.at('/later').map((m) => [m.webhookId, m.verifiedBy])).toEqual([[`msg_${eventId}`, [0]]]);
    const logged = await hooks.logged(res.body.id, `msg_${eventId}`);
    const attempts = logged?.attempts ?? [];
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect(attempts.slice(0, -1).every((a) => a.statusCode === null && /ECONNREFUSED/.test(String(a.error)))).toBe(true);
    expect(attempts.at(-1)).toMatchObject({ statusCode: 204, error: null });
  });

  it('gives up after the last scheduled attempt, logging every one with status and response excerpt', async () => {
    const { id } = await hooks.endpoint('/broken', ['listing.flagged'], () => ({ status: 500, body: 'database on fire' }));
    const eventId = await hooks.emit('listing.flagged');
    await hooks.waitForDelivery(id, eventId, ['failed'], 30_000);
    const attempts = (await hooks.logged(id, `msg_${eventId}`))?.attempts ?? [];
    expect(attempts).toHaveLength(SCHEDULE.length);
    expect(attempts.every((a) => a.statusCode === 500 && a.responseExcerpt === 'database on fire')).toBe(true);
    // The gaps follow the schedule (±10 % jitter, plus processing time).
    const times = receiver.at('/broken').map((m) => m.receivedAt);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(SCHEDULE[i] * 0.9 - 50);
    expect((await hooks.endpointState(id)).failingSince).not.toBeNull();
  });

  it('honours Retry-After on 429 instead of the shorter scheduled step', async () => {
    const { id } = await hooks.endpoint('/busy', ['listing.flagged'], (n) => (n === 0 ? { status: 429, headers: { 'retry-after': '3' } } : { status: 200 }));
    const eventId = await hooks.emit('listing.flagged');
    await hooks.waitForDelivery(id, eventId, ['delivered']);
    const [first, second] = receiver.at('/busy');
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(2_900);
    expect(second.webhookId).toBe(first.webhookId);
  });

  it('disables an endpoint that answers 410 and tells endpoint.disabled subscribers', async () => {
    const watcher = await hooks.endpoint('/watch-410', ['endpoint.disabled']);
    const { id } = await hooks.endpoint('/gone', ['listing.flagged'], () => ({ status: 410 }));
    const eventId = await hooks.emit('listing.flagged');
    await hooks.waitForDelivery(id, eventId, ['failed']);
    expect(await hooks.endpointState(id)).toMatchObject({ disabledAt: expect.any(String), disabledReason: expect.stringMatching(/410/) });
    const notice = await waitFor('endpoint.disabled event', () => receiver.at('/watch-410')[0]);
    expect(JSON.parse(notice.body)).toMatchObject({ type: 'endpoint.disabled', data: { endpointId: id, url: receiver.url('/gone') } });
    expect(notice.verifiedBy).toEqual([0]);
    expect(watcher.id).not.toBe(id);
    // A disabled endpoint gets nothing more, and cannot be replayed to until it is enabled again.
    const later = await hooks.emit('listing.flagged');
    await waitFor('dispatch', async () => (await stack.db.query(`SELECT 1 FROM outbox_events WHERE id = $1 AND "dispatchedAt" IS NOT NULL`, [later])).length > 0 || undefined);
    expect(await hooks.delivery(id, later)).toBeUndefined();
    expect((await stack.request('POST', `/v1/webhook-endpoints/${id}/deliveries/msg_${eventId}/replay`)).status).toBe(409);
    expect(receiver.at('/gone')).toHaveLength(1);
  });

  it('disables an endpoint that has been failing for 5 days', async () => {
    const watcher = await hooks.endpoint('/watch-5d', ['endpoint.disabled']);
    const { id } = await hooks.endpoint('/five-days', ['listing.flagged'], () => ({ status: 502 }));
    await stack.db.query(`UPDATE webhook_endpoints SET "failingSince" = (now() AT TIME ZONE 'utc') - interval '5 days 1 minute' WHERE id = $1`, [id]);
    const eventId = await hooks.emit('listing.flagged');
    await hooks.waitForDelivery(id, eventId, ['failed']);
    expect((await hooks.endpointState(id)).disabledReason).toMatch(/failing continuously since/);
    const notice = await waitFor('endpoint.disabled event', () => receiver.at('/watch-5d')[0]);
    expect(JSON.parse(notice.body).data).toMatchObject({ endpointId: id, failingSince: expect.any(String) });
    expect(receiver.at('/five-days')).toHaveLength(1);
    expect(watcher.id).toBeTruthy();
  });

  it('sends a delivery whose job was lost (committed, never enqueued) once it is overdue', async () => {
    const { id } = await hooks.endpoint('/lost', ['review.decided']);
    // As if a worker died between the dispatch commit and the enqueue: the row exists, no job does.
    const [event] = await stack.db.query<{ id: string }>(
      `INSERT INTO outbox_events (id, type, payload, "dispatchedAt") VALUES (gen_random_uuid(), 'review.decided', '{"reviewItemId":"r"}', now()) RETURNING id`,
    );
    await stack.db.query(
      `INSERT INTO webhook_deliveries (id, "endpointId", "eventId", "messageId", status, "nextAttemptAt")
       VALUES (gen_random_uuid(), $1, $2, $3, 'pending', (now() AT TIME ZONE 'utc') - interval '2 minutes')`,
      [id, event.id, `msg_${event.id}`],
    );
    await hooks.waitForDelivery(id, event.id, ['delivered'], 15_000);
    expect(receiver.at('/lost').map((m) => [m.webhookId, m.verifiedBy])).toEqual([[`msg_${event.id}`, [0]]]);
  });

  it('refuses private, loopback and metadata addresses at registration, naming the field', async () => {
    for (const url of [
      receiver.privateUrl('/private'),
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]:8080/',
      'http://[64:ff9b::7f00:1]/',
      'http://10.0.0.5/hook',
    ]) {
      const res = await stack.request('POST', '/v1/webhook-endpoints', { url, events: ['listing.flagged'] });
      expect([url, res.status]).toEqual([url, 400]);
      expect(res.body.error.fields).toEqual([{ field: 'url', message: expect.stringMatching(/private or reserved address.*WEBHOOK_ALLOW_HOSTS/) }]);
    }
  });

  it('refuses a private address that is not allow-listed at delivery too, without sending anything', async () => {
    // Registered before the check existed (or its name now resolves to a private address).
    const secret = generateWebhookSecret();
    const [{ id }] = await stack.db.query<{ id: string }>(
      `INSERT INTO webhook_endpoints (id, url, events, secret) VALUES (gen_random_uuid(), $1, ARRAY['listing.flagged'], $2) RETURNING id`,
      [receiver.privateUrl('/private'), secret],
    );
    receiver.expect('/private', [secret]);
    const eventId = await hooks.emit('listing.flagged');
    await hooks.waitForDelivery(id, eventId, ['failed']);
    const attempts = (await hooks.logged(id, `msg_${eventId}`))?.attempts ?? [];
    expect(attempts).toEqual([expect.objectContaining({ statusCode: null, error: expect.stringMatching(/refused.*127\.0\.0\.1.*WEBHOOK_ALLOW_HOSTS/) })]);
    expect(receiver.at('/private')).toEqual([]);
  });
});

describe('replay and rotation', () => {
  it('replays a message with the same webhook-id and body, logged as another attempt', async () => {
    const { id } = await hooks.endpoint('/replay', ['listing.flagged']);
    const eventId = await hooks.emit('listing.flagged');
    await hooks.waitForDelivery(id, eventId, ['delivered']);
    const res = await stack.request('POST', `/v1/webhook-endpoints/${id}/deliveries/msg_${eventId}/replay`);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ messageId: `msg_${eventId}`, status: 'replaying' });
    await waitFor('the replay', () => receiver.at('/replay').length >= 2 || undefined);
    await hooks.waitForDelivery(id, eventId, ['delivered']);
    const [original, replayed] = receiver.at('/replay');
    expect(replayed.webhookId).toBe(original.webhookId);
    expect(replayed.body).toBe(original.body);
    expect(replayed.verifiedBy).toEqual([0]);
    expect((await hooks.logged(id, `msg_${eventId}`))?.attempts).toHaveLength(2);
  });

  it('after rotation signs with both secrets for the overlap: receivers holding either verify', async () => {
    const { id, secret: oldSecret } = await hooks.endpoint('/rotate', ['listing.flagged']);
    const res = await stack.request('POST', `/v1/webhook-endpoints/${id}/rotate-secret`);
    expect(res.status).toBe(200);
    const newSecret: string = res.body.secret;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(oldSecret);
    const overlapMs = Date.parse(res.body.previousSecretExpiresAt) - Date.now();
    expect(overlapMs).toBeGreaterThan(24 * 3_600_000 - 60_000);
    expect(overlapMs).toBeLessThanOrEqual(24 * 3_600_000);
    receiver.expect('/rotate', [oldSecret, newSecret]);
    const eventId = await hooks.emit('listing.flagged');
    await hooks.waitForDelivery(id, eventId, ['delivered']);
    const [message] = receiver.at('/rotate');
    expect(message.verifiedBy).toEqual([0, 1]);
    expect(message.signature.split(' ')).toHaveLength(2);
    // Once the overlap is over only the new secret signs.
    await stack.db.query(`UPDATE webhook_endpoints SET "previousSecretExpiresAt" = (now() AT TIME ZONE 'utc') - interval '1 second' WHERE id = $1`, [id]);
    const after = await hooks.emit('listing.flagged');
    await hooks.waitForDelivery(id, after, ['delivered']);
    expect(receiver.at('/rotate')[1].verifiedBy).toEqual([1]);
    expect(() => new Webhook(oldSecret).verify(receiver.at('/rotate')[1].body, { 'webhook-id': `msg_${after}`, 'webhook-timestamp': receiver.at('/rotate')[1].timestamp, 'webhook-signature': receiver.at('/rotate')[1].signature })).toThrow();
  });

  it('pages the delivery log with a cursor, newest first, without gaps or repeats', async () => {
    const { id } = await hooks.endpoint('/paged', ['scan.completed']);
    const events: string[] = [];
    for (let i = 0; i < 5; i++) events.push(await hooks.emit('scan.completed', { scanId: `p${i}`, listingId: 'l', marketplace: 'm', externalId: 'e', status: 'completed', findingCodes: [] }));
    await waitFor('5 deliveries', () => receiver.at('/paged').length >= 5 || undefined);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: Array<{ messageId: string }>; nextCursor: string | null } } = await stack.request(
        'GET',
        `/v1/webhook-endpoints/${id}/deliveries?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((d) => d.messageId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect([...seen].sort()).toEqual(events.map((e) => `msg_${e}`).sort());
    expect(new Set(seen).size).toBe(5);
  });
});
