import { readFileSync } from 'node:fs';
import { newPpOcrProbe, PpOcrEngine, type PpOcrProbe, type RuntimeOptions } from '../../libs/ocr/src/lib/paddle/ppocr-engine';
import { ppOcrModelFiles } from '../../libs/ocr/src/lib/paddle/ppocr-models';
import { PPOCR_DEFAULTS, type PpOcrSettings } from '../../libs/ocr/src/lib/paddle/ppocr-settings';
import { type CorpusImage } from './ocr-corpus';

export interface EngineProfile {
  probe: PpOcrProbe;
  /** Per image, what each detected line read (before joins and filters), in detection order. */
  reads: Map<string, string[]>;
  texts: Map<string, string>;
  cpuSeconds: number;
  wallSeconds: number;
}

export type SettingsOverride = Partial<Omit<PpOcrSettings, 'recognition'>> & { recognition?: Partial<PpOcrSettings['recognition']> };

/** One engine in this process, on one thread, reading every image in turn: where the time goes. */
export async function profileEngine(corpus: readonly CorpusImage[], override: SettingsOverride = {}, runtime: RuntimeOptions = {}): Promise<EngineProfile> {
  const engine = await PpOcrEngine.load(ppOcrModelFiles(), runtime);
  const settings: PpOcrSettings = { ...PPOCR_DEFAULTS, ...override, recognition: { ...PPOCR_DEFAULTS.recognition, ...override.recognition } };
  const probe = newPpOcrProbe();
  const reads = new Map<string, string[]>();
  const texts = new Map<string, string>();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const image of corpus) {
    const before = probe.reads.length;
    try {
      const lines = await engine.read(readFileSync(image.path), settings, probe);
      texts.set(image.path, lines.map((l) => l.text).join('\n'));
    } catch (err) {
      texts.set(image.path, '');
      console.error(`${image.file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    reads.set(image.path, probe.reads.slice(before));
  }
  const cpu = process.cpuUsage(cpu0);
  await engine.release();
  return { probe, reads, texts, cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds: (performance.now() - t0) / 1000 };
}

/** Lines that read the same in both runs (same detection, so lines pair up by position). */
export function lineAgreement(a: Map<string, string[]>, b: Map<string, string[]>): { same: number; total: number; differing: Array<[string, string]> } {
  let same = 0;
  let total = 0;
  const differing: Array<[string, string]> = [];
  for (const [path, linesA] of a) {
    const linesB = b.get(path) ?? [];
    const n = Math.max(linesA.length, linesB.length);
    for (let i = 0; i < n; i++) {
      total++;
      if (linesA[i] === linesB[i]) same++;
      else differing.push([linesA[i] ?? '', linesB[i] ?? '']);
    }
  }
  return { same, total, differing };
}

export function printStages(probe: PpOcrProbe, label: string): void {
  const s = probe.seconds;
  const other = s.total - s.decode - s.detection - s.classifier - s.recognition;
  const row = (name: string, v: number) => console.log(`  ${name.padEnd(18)} ${v.toFixed(1).padStart(7)} s ${((100 * v) / s.total).toFixed(0).padStart(4)} %`);
  console.log(`${label} (one engine, one thread, in this process):`);
  row('recognition', s.recognition);
  row('detection', s.detection);
  row('angle classifier', s.classifier);
  row('decode', s.decode);
  row('everything else', other);
  row('total', s.total);
  console.log(`  recogniser input columns that are padding: ${((100 * (probe.recColumns - probe.textColumns)) / probe.recColumns).toFixed(1)} % of ${probe.recColumns}`);
}
