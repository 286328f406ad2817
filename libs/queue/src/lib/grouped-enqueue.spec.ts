import { describe, expect, it } from 'vitest';
import { GroupedEnqueue } from './grouped-enqueue';

/** A send whose calls the test completes by hand. */
function manualSend() {
  const calls: Array<{ items: readonly number[]; finish(err?: Error): void }> = [];
  const send = (items: readonly number[]) =>
    new Promise<void>((resolve, reject) => calls.push({ items, finish: (err) => (err ? reject(err) : resolve()) }));
  return { calls, send };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('GroupedEnqueue', () => {
  it('sends at once when idle, and groups what arrives while the sends are in flight', async () => {
    const { calls, send } = manualSend();
    const grouped = new GroupedEnqueue(send, 1_000, 1);
    const first = grouped.add([1]);
    const second = grouped.add([2]);
    const third = grouped.add([3, 4]);
    expect(calls.map((c) => c.items)).toEqual([[1]]);
    calls[0].finish();
    await first;
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3, 4]]);
    calls[1].finish();
    await expect(Promise.all([second, third])).resolves.toBeDefined();
  });

  it('fails every caller in a group whose send fails, and goes on with the next group', async () => {
    const { calls, send } = manualSend();
    const grouped = new GroupedEnqueue(send, 1_000, 1);
    const first = grouped.add([1]);
    const second = grouped.add([2]);
    calls[0].finish(new Error('connection is closed'));
    await expect(first).rejects.toThrow('connection is closed');
    await tick();
    calls[1].finish();
    await expect(second).resolves.toBeUndefined();
  });

  it('gives up on a stalled send after the timeout and frees its slot for later sends', async () => {
    let redisUp = false;
    const sent: number[][] = [];
    const send = (items: readonly number[]) => {
      sent.push([...items]);
      return redisUp ? Promise.resolve() : new Promise<void>(() => undefined);
    };
    const grouped = new GroupedEnqueue(send, 50, 1);
    const stalled = grouped.add([1]);
    const waiting = grouped.add([2]);
    await expect(stalled).rejects.toThrow(/within 50 ms/);
    await expect(waiting).rejects.toThrow(/within 50 ms/);
    redisUp = true;
    // Redis is back: a new add goes through (at worst behind one more stalled send's timeout).
    await expect(grouped.add([3])).resolves.toBeUndefined();
    expect(sent.at(-1)).toEqual([3]);
  });

  it('adds nothing for an empty list', async () => {
    const { calls, send } = manualSend();
    await new GroupedEnqueue(send, 1_000).add([]);
    expect(calls).toHaveLength(0);
  });
});
