import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ppOcrModelFiles } from '../../libs/ocr/src/lib/paddle/ppocr-models';

/**
 * `ppu-paddle-ocr`, bench-only and never a dependency: the same PP-OCRv4 weights through another
 * runtime, for comparison. Found in this repo's node_modules or in PPU_PADDLE_OCR_DIR (a folder where
 * `npm install ppu-paddle-ocr@6.3.0` was run, with onnxruntime-node beside it). Null when absent.
 */
export function findPpuPaddleOcr(repoRoot: string): string | null {
  for (const from of [process.env['PPU_PADDLE_OCR_DIR'], repoRoot]) {
    if (!from) continue;
    try {
      return createRequire(join(from, 'package.json')).resolve('ppu-paddle-ocr');
    } catch {
      // not there
    }
  }
  return null;
}

export interface PpuRun {
  seconds: number;
  cpuSeconds: number;
  texts: Map<string, string>;
}

// One child process per lane (onnxruntime-node runs on the calling thread); it loads the models, then
// asks for images one at a time and times only its reads.
const CHILD = `
import { readFileSync } from 'node:fs';
const [entry, files] = [process.env.PPU_ENTRY, JSON.parse(process.env.PPU_FILES)];
const { PaddleOcrService } = await import(entry);
const buf = (p) => { const b = readFileSync(p); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); };
const dict = new TextEncoder().encode(process.env.PPU_DICT_PREFIX + readFileSync(files.dictionary, 'utf8') + process.env.PPU_DICT_SUFFIX).buffer;
const service = new PaddleOcrService({ model: { detection: buf(files.detection), recognition: buf(files.recognition), charactersDictionary: dict } });
await service.initialize();
let start = 0, cpu0 = null;
process.on('message', async (path) => {
  if (path === '') {
    const cpu = process.cpuUsage(cpu0 ?? undefined);
    process.send({ done: true, start, end: Date.now(), cpu: (cpu.user + cpu.system) / 1e6 });
    return;
  }
  if (!cpu0) { cpu0 = process.cpuUsage(); start = Date.now(); }
  let text = '';
  try { text = (await service.recognize(buf(path))).text; } catch (err) { text = ''; }
  process.send({ path, text });
});
process.send({ ready: true });
`;

export async function runPpuPaddleOcr(entry: string, paths: readonly string[], parallel: number): Promise<PpuRun> {
  const dir = join(process.cwd(), 'tmp');
  mkdirSync(dir, { recursive: true });
  const script = join(dir, 'ppu-paddle-ocr-lane.mjs');
  writeFileSync(script, CHILD);
  const queue = [...paths];
  const texts = new Map<string, string>();
  const env = { ...process.env, PPU_ENTRY: entry, PPU_FILES: JSON.stringify(ppOcrModelFiles()) };
  const lanes = Array.from({ length: parallel }, () => fork(script, [], { env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  // Every lane loads its models before any read starts, as our pool is warmed before its clock runs.
  await Promise.all(lanes.map((lane) => new Promise<void>((resolve) => lane.once('message', () => resolve()))));
  const results = await Promise.all(
    lanes.map(
      (lane) =>
        new Promise<{ start: number; end: number; cpu: number }>((resolve, reject) => {
          lane.on('message', (m: { path?: string; text?: string; done?: boolean; start: number; end: number; cpu: number }) => {
            if (m.done) return resolve(m);
            if (m.path !== undefined) texts.set(m.path, m.text ?? '');
            lane.send(queue.shift() ?? '');
          });
          lane.on('exit', (code) => reject(new Error(`ppu-paddle-ocr lane exited ${code}`)));
          lane.send(queue.shift() ?? '');
        }),
    ),
  );
  lanes.forEach((lane) => lane.kill());
  return {
    seconds: (Math.max(...results.map((r) => r.end)) - Math.min(...results.map((r) => r.start))) / 1000,
    cpuSeconds: results.reduce((s, r) => s + r.cpu, 0),
    texts,
  };
}
