import { describe, expect, it, vi } from 'vitest';

describe('ReconcilerService', () => {
  it('re-enqueues unfinished scans with the request id they were ingested under', async () => {
    const { ReconcilerService } = await import('./reconciler.service.js');
    const requeue = vi.fn().mockResolvedValue(undefined);
    const scans = { findUnfinished: vi.fn().mockResolvedValue([{ scanId: 's1', requestId: 'req-1' }, { scanId: 's2' }]) };
    const reconciler = new ReconcilerService(scans as never, { requeue } as never, { RECONCILE_AFTER_MS: 1000 } as never, { keep: vi.fn() } as never);
    expect(await reconciler.reconcile()).toBe(2);
    expect(requeue).toHaveBeenCalledWith([{ scanId: 's1', requestId: 'req-1' }, { scanId: 's2' }]);
  });
});
