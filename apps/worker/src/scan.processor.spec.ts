import { describe, expect, it, vi } from 'vitest';
import type { Job } from 'bullmq';

describe('ScanProcessor.onFailed', () => {
  it('a final failure whose mark cannot be written resolves (logged) instead of an unhandled rejection', async () => {
    const { ScanProcessor } = await import('./scan.processor.js');
    const markFailed = vi.fn().mockRejectedValue(new Error('connection terminated'));
    const processor = new ScanProcessor({ markFailed } as never);
    const job = { data: { scanId: 's1', requestId: 'r1' }, attemptsMade: 5, opts: { attempts: 5 } } as unknown as Job;
    await expect(processor.onFailed(job, new Error('boom'))).resolves.toBeUndefined();
    expect(markFailed).toHaveBeenCalledWith('s1', 'boom');
  });
});
