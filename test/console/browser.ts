import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (ENVIRONMENT.md: `npx playwright install` cannot download a browser here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Screenshots are test artifacts for a person to look at (gitignored tmp/), never compared. */
export const SCREENSHOTS = join(process.cwd(), 'tmp/console-screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Collects every console error and uncaught page error: the console must have none. */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, baseUrl: string, key: string): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** The loaded width of an <img> (0 until it has loaded): its own pixels, not its displayed size. */
export function loadedWidth(img: Locator): Promise<number> {
  return img.evaluate((el) => {
    const image = el as unknown as { complete: boolean; naturalWidth: number };
    return image.complete ? image.naturalWidth : 0;
  });
}

/** What this origin keeps in the browser beyond sessionStorage: localStorage entries and cookies. */
export async function storedOutsideSession(page: Page): Promise<{ session: string[]; elsewhere: number }> {
  return page.evaluate(() => {
    const g = globalThis as unknown as { sessionStorage: Record<string, string>; localStorage: Record<string, string>; document: { cookie: string } };
    return { session: Object.values(g.sessionStorage), elsewhere: Object.keys(g.localStorage).length + g.document.cookie.length };
  });
}

/** Every control a person can reach: buttons, links, form fields (and anything given their roles). */
const CONTROLS = 'button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=link], [role=checkbox], [role=radio], [role=textbox], [role=combobox]';

/**
 * The controls on the page whose accessible name, as Chromium computes it for screen readers (label
 * association, aria-label/labelledby, text content, title, placeholder), is empty: each as its tag,
 * attributes and text, so a failure says which control to fix. Controls hidden from the
 * accessibility tree (display:none, aria-hidden) are not counted.
 */
export async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: CONTROLS });
    const unnamed: string[] = [];
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const ax = nodes[0];
      if (!ax || ax.ignored) continue;
      if (String(ax.name?.value ?? '').trim()) continue;
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      unnamed.push(`${ax.role?.value ?? '?'}: ${outerHTML.slice(0, 200)}`);
    }
    return unnamed;
  } finally {
    await cdp.detach();
  }
}
