import { describe, expect, it } from 'vitest';
import { readingOrder } from './reading-order';

const line = (text: string, x: number, y: number, height = 20) => ({ text, box: { x, y, width: 80, height } });

describe('readingOrder', () => {
  it('reads a row left to right even when its boxes do not share a top edge', () => {
    // The amount sits 3 px lower than its label; a line of the left column starts in between.
    const lines = [line('12.00', 300, 103), line('TOTAL', 200, 100), line('Cashier', 10, 101), line('CHANGE', 200, 140)];
    expect(readingOrder(lines).map((l) => l.text)).toEqual(['Cashier', 'TOTAL', '12.00', 'CHANGE']);
  });

  it('keeps lines whose centres are more than half a line apart on separate rows', () => {
    const lines = [line('second', 10, 115), line('first', 200, 100)];
    expect(readingOrder(lines).map((l) => l.text)).toEqual(['first', 'second']);
  });
});
