import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  AiSignalRegistry,
  createAiDetectors,
  embedBlockBits,
  ImageAiAssessor,
  KNOWN_WATERMARKS,
  type AiSignalSource,
  type C2paReader,
  UNCALIBRATED,
} from '@listinglens/ai-signals';
import { findingSchema } from '@listinglens/contracts';
import type { Detector } from '@listinglens/pipeline';
import { analyzed, context, pngFromRaw, syntheticRgb, textChunk, withPngChunks } from './support/fixture-builders';

const noC2pa: C2paReader = { read: async () => null };
const A1111 = 'a bag\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Version: f2.0.1';

/** The findings, each checked to parse with its code's evidence schema once stored as JSON. */
async function run(detectors: Detector[], ctx: ReturnType<typeof context>) {
  const findings = (await Promise.all(detectors.map((d) => d.detect(ctx)))).flat();
  for (const f of findings) {
    const stored: unknown = JSON.parse(JSON.stringify(f));
    expect(findingSchema.parse(stored)).toEqual(stored);
  }
  return findings;
}

describe('AI detectors', () => {
  it('a generator PNG on an undisclosed listing gets ai.provenance and ai.undisclosed with the label', async () => {
    const png = withPngChunks(await pngFromRaw(await syntheticRgb(320, 320), 320, 320), [textChunk('parameters', A1111)]);
    const findings = await run(createAiDetectors({ c2paReader: noC2pa }), context([await analyzed(png, 2)], { aiDisclosure: false }));
    const provenance = findings.find((f) => f.code === 'ai.provenance');
    expect(provenance).toMatchObject({ imagePosition: 2, severity: 'medium' });
    expect(provenance?.evidence).toMatchObject({ generator: 'Stable Diffusion WebUI Forge' });
    const undisclosed = findings.find((f) => f.code === 'ai.undisclosed');
    expect(undisclosed?.evidence).toMatchObject({ label: 'AI-generated image', labelId: 'ai-generated-image' });
  });

  it('a listing that discloses AI imagery gets no ai.undisclosed', async () => {
    const png = withPngChunks(await pngFromRaw(await syntheticRgb(320, 320), 320, 320), [textChunk('parameters', A1111)]);
    const findings = await run(createAiDetectors({ c2paReader: noC2pa }), context([await analyzed(png)], { aiDisclosure: true }));
    expect(findings.map((f) => f.code)).toEqual(['ai.provenance']);
  });

  it('a watermark-only image gets ai.watermark and is likely_ai', async () => {
    const data = await syntheticRgb(512, 512, 3);
    embedBlockBits({ width: 512, height: 512, channels: 3, data }, KNOWN_WATERMARKS[0].bits);
    const image = await analyzed(await sharp(data, { raw: { width: 512, height: 512, channels: 3 } }).png().toBuffer());
    const assessor = new ImageAiAssessor({ c2paReader: noC2pa });
    const findings = await run(createAiDetectors({ assessor }), context([image]));
    expect(findings.find((f) => f.code === 'ai.watermark')?.evidence).toMatchObject({ payload: 'sdxl', totalBits: 48 });
    expect((await assessor.assess(image)).band).toBe('likely_ai');
    expect(findings.some((f) => f.code === 'ai.undisclosed')).toBe(true);
  });

  it('a plain photo gets no AI finding and band no_signal', async () => {
    const image = await analyzed(await sharp(await syntheticRgb(320, 320), { raw: { width: 320, height: 320, channels: 3 } }).jpeg().toBuffer());
    const assessor = new ImageAiAssessor({ c2paReader: noC2pa });
    expect(await run(createAiDetectors({ assessor }), context([image]))).toEqual([]);
    expect(await assessor.assess(image)).toMatchObject({ band: 'no_signal', signals: [] });
  });

  it('weak signals alone make an image possible, never likely_ai, and no ai.undisclosed', async () => {
    const loudModel: AiSignalSource = {
      id: 'test-model',
      version: 1,
      kind: 'model',
      analyze: async () => ({
        signals: [1, 2, 3].map((i) => ({ id: `model.${i}`, kind: 'model' as const, strength: 'weak' as const, likelihood: 0.9, summary: 'model says AI', evidence: { model: 'test', rawScore: 0.99, calibration: UNCALIBRATED } })),
        measurements: {},
      }),
    };
    const assessor = new ImageAiAssessor({ registry: new AiSignalRegistry([loudModel]) });
    const image = await analyzed(await pngFromRaw(await syntheticRgb(64, 64), 64, 64));
    const assessment = await assessor.assess(image);
    expect(assessment.band).toBe('possible');
    expect(assessment.likelihood).toBeLessThan(0.8);
    const findings = await run(createAiDetectors({ assessor }), context([image]));
    expect(findings.map((f) => f.code)).toEqual(['ai.forensic', 'ai.forensic', 'ai.forensic']);
  });

  it('a failing signal source is recorded and the scan goes on', async () => {
    const broken: C2paReader = { read: async () => { throw new Error('boom'); } };
    const png = withPngChunks(await pngFromRaw(await syntheticRgb(64, 64), 64, 64), [textChunk('parameters', A1111)]);
    const assessment = await new ImageAiAssessor({ c2paReader: broken }).assess(await analyzed(png));
    expect(assessment.band).toBe('likely_ai');
  });
});
