// Preloaded into the Prisma CLI: its wasm engine leaves 10 s / 60 s timers pending, so the CLI idles
// long after it is done. Unref long timers so the process exits when its work is. Remove with the
// Prisma 6 workaround (see prisma.config.ts).
const original = global.setTimeout;
global.setTimeout = function patchedSetTimeout(fn, ms, ...rest) {
  const timer = original(fn, ms, ...rest);
  if (typeof ms === 'number' && ms >= 5000 && timer && typeof timer.unref === 'function') timer.unref();
  return timer;
};
const originalInterval = global.setInterval;
global.setInterval = function patchedSetInterval(fn, ms, ...rest) {
  const timer = originalInterval(fn, ms, ...rest);
  if (typeof ms === 'number' && ms >= 5000 && timer && typeof timer.unref === 'function') timer.unref();
  return timer;
};
