import type { ImageErrorView } from '@listinglens/contracts';
import { ImageError } from './image-error';

/** How one detector's (or signal source's) run on one image ended. */
export type BoundedRun<T> =
  | { status: 'done'; value: T }
  | { status: 'failed'; error: ImageErrorView }
  | { status: 'step_budget' | 'scan_budget'; error: ImageErrorView };

export interface RunLimits {
  /** Settles when the detector's own time starts counting (after the image's text is read): its step budget runs from here. */
  stepStarts: Promise<unknown>;
  stepMs: number;
  /** Epoch ms the whole scan must end by. */
  scanDeadline: number;
  scanMs: number;
}

/** Longest error message kept from an unexpected exception (its stack is not the seller's business). */
const MAX_MESSAGE = 500;

/**
 * The one boundary every detector and signal source runs behind, one image at a time. Whatever the work
 * throws becomes that image's error naming the detector (an ImageError keeps its own code, anything else
 * is `image.detector_failed`), and work that outlives its budget is left behind with
 * `image.time_budget_exceeded`: the other detectors, images and listings go on. Work left behind is not
 * stopped (JavaScript cannot stop a promise); the heavy steps inside it (CPU pool, OCR pool) stop
 * themselves at their own deadlines.
 */
export async function runBounded<T>(detector: string, work: () => Promise<T>, limits: RunLimits): Promise<BoundedRun<T>> {
  if (Date.now() >= limits.scanDeadline) return { status: 'scan_budget', error: scanSpent(detector, limits.scanMs) };
  const timers: NodeJS.Timeout[] = [];
  let over = false;
  // Once the race is decided no timer is started (the step budget's starts late, after the text is read).
  const after = (ms: number) => (over ? new Promise<void>(() => undefined) : new Promise<void>((resolve) => timers.push(setTimeout(resolve, Math.max(0, ms)))));
  // Started inside a try so a synchronous throw is caught like a rejection; settled into a value so a
  // rejection after the race was lost is never unhandled.
  const finished: Promise<BoundedRun<T>> = Promise.resolve()
    .then(work)
    .then(
      (value): BoundedRun<T> => ({ status: 'done', value }),
      (err: unknown): BoundedRun<T> => ({ status: 'failed', error: failure(detector, err) }),
    );
  const stepSpent = limits.stepStarts
    .catch(() => undefined)
    .then(() => after(limits.stepMs))
    .then((): BoundedRun<T> => ({
      status: 'step_budget',
      error: { code: 'image.time_budget_exceeded', message: `${detector} did not finish within its ${limits.stepMs / 1000} s budget on this image`, detector },
    }));
  const scanOver = after(limits.scanDeadline - Date.now()).then((): BoundedRun<T> => ({ status: 'scan_budget', error: scanSpent(detector, limits.scanMs) }));
  try {
    return await Promise.race([finished, stepSpent, scanOver]);
  } finally {
    over = true;
    for (const t of timers) clearTimeout(t);
  }
}

function failure(detector: string, err: unknown): ImageErrorView {
  if (err instanceof ImageError) return { ...err.toView(), detector };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'image.detector_failed', message: `${detector} failed on this image: ${message}`.slice(0, MAX_MESSAGE), detector };
}

function scanSpent(detector: string, scanMs: number): ImageErrorView {
  return { code: 'image.time_budget_exceeded', message: `the scan's time budget of ${scanMs / 1000} s ran out before ${detector} finished`, detector };
}
