import { describe, expect, it } from 'vitest';
import { csvExport } from './csv-export';

async function csvOf(reasons: string[]): Promise<string> {
  async function* rows() {
    for (const reason of reasons) yield { reason };
  }
  let out = '';
  for await (const chunk of csvExport<{ reason: string }>(['reason'], rows())) out += String(chunk);
  return out;
}

describe('CSV export neutralises formulas (OWASP CSV injection)', () => {
  it.each([
    ['=', '=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+', '+1+cmd|calc', `"'+1+cmd|calc"`],
    ['-', '-2+3', `"'-2+3"`],
    ['@', '@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['tab', '\t=1+1', `"'\t=1+1"`],
    ['CR', '\r=1+1', `"'\r=1+1"`],
  ])('a cell starting with %s gets a leading quote, inside quotes', async (_lead, reason, line) => {
    expect(await csvOf([reason])).toBe(`reason\n${line}\n`);
  });

  it('other cells are as they were', async () => {
    expect(await csvOf(['fine, with a comma', 'a-b', '1=1'])).toBe('reason\n"fine, with a comma"\na-b\n1=1\n');
  });
});
