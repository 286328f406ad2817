import { hasCode } from '@listinglens/contracts';
import { describe, expect, it } from 'vitest';
import type { QrCodeReader } from '../qr-code-reader';
import { contextWithText } from '../testing/fake-ocr';
import { classifyQrPayload, contactOffPlatformDetector } from './contact-off-platform.detector';

const noQr: QrCodeReader = { read: async () => [] };

describe('contact detector', () => {
  it('reports each contact with the full value, a masked value and its box', async () => {
    const findings = (await contactOffPlatformDetector(noQr).detect(contextWithText(['加V 13800138000', 'shop@example.com']))).filter(hasCode('contact.off_platform'));
    expect(findings.map((f) => f.evidence.kind)).toEqual(['wechat', 'email']);
    expect(findings[0]).toMatchObject({ code: 'contact.off_platform', severity: 'high' });
    expect(findings[0].evidence).toMatchObject({ value: '13800138000', masked: '138******00', source: 'ocr' });
    expect(findings[0].evidence.box).toMatchObject({ x: 10, y: 10 });
  });

  it('reports a QR code that points somewhere, with its box', async () => {
    const qr: QrCodeReader = { read: async () => [{ payload: 'https://u.wechat.com/abc', box: { x: 5, y: 6, width: 70, height: 70 }, scale: 1 }] };
    const [f] = await contactOffPlatformDetector(qr).detect(contextWithText([]));
    expect(f.evidence).toMatchObject({ kind: 'wechat', source: 'qr', payload: 'https://u.wechat.com/abc', box: { x: 5, y: 6 } });
  });

  it('ignores a QR code carrying a product serial', async () => {
    const qr: QrCodeReader = { read: async () => [{ payload: 'SN-000123', box: { x: 0, y: 0, width: 9, height: 9 }, scale: 1 }] };
    expect(await contactOffPlatformDetector(qr).detect(contextWithText(['Model X200']))).toEqual([]);
  });

  it('reads an app name over its handle (a seal\'s two lines) as one contact, and lines far apart as two', async () => {
    const [f] = (await contactOffPlatformDetector(noQr).detect(contextWithText(['Telegram', '@vip1988']))).filter(hasCode('contact.off_platform'));
    expect(f.evidence).toMatchObject({ kind: 'telegram', value: 'vip1988' });
    expect(f.evidence.text).toBe('Telegram @vip1988');
    expect(await contactOffPlatformDetector(noQr).detect(contextWithText(['Telegram', '', '', '@vip1988']))).toEqual([]);
  });

  it('finds nothing in product copy with numbers', async () => {
    const ctx = contextWithText(['Battery 5000mAh', 'Size 120x80 cm', '2024-05-06', 'Price 1299.00']);
    expect(await contactOffPlatformDetector(noQr).detect(ctx)).toEqual([]);
  });
});

describe('classifyQrPayload', () => {
  it.each([
    ['weixin://dl/chat?abc', 'wechat'],
    ['https://wa.me/85291234567', 'whatsapp'],
    ['https://t.me/deals', 'telegram'],
    ['https://line.me/R/ti/p/@shop', 'line'],
    ['mailto:a@b.com', 'email'],
    ['tel:+8613800138000', 'phone'],
    ['https://example.com/x', 'url'],
    ['WIFI:S:home;T:WPA;P:secret;;', null],
  ])('%s → %s', (payload, kind) => expect(classifyQrPayload(payload)).toBe(kind));
});
