import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { AiForensicDetector, AiSignalRegistry, ImageAiAssessor, loadAiSignalsSettings, modelSources, OnnxDetectorSource, loadOnnxDetectorConfig, RemoteDetectorSource, UNCALIBRATED } from '@listinglens/ai-signals';
import type { AnalyzedImage } from '@listinglens/pipeline';
import { analyzed, context } from './support/fixture-builders';
import { channelMeanModel } from './support/tiny-onnx';

const solid = async (color: string, position = 0) => analyzed(await sharp({ create: { width: 32, height: 32, channels: 3, background: color } }).png().toBuffer(), position);
const toClose: { close(): Promise<void> }[] = [];
afterAll(async () => Promise.all(toClose.map((c) => c.close())));

describe('AI_DETECTOR_ONNX: an operator-supplied ONNX classifier (tiny model built by the test)', () => {
  async function modelDir(sidecar: object) {
    const dir = await mkdtemp(join(tmpdir(), 'll-onnx-'));
    await writeFile(join(dir, 'm.onnx'), channelMeanModel(8));
    await writeFile(join(dir, 'm.onnx.json'), JSON.stringify(sidecar));
    return join(dir, 'm.onnx');
  }
  // Output index 0 = mean red after (v/255 − 0)/1: 1.0 for a red image, 0 for a blue one.
  const sidecar = { name: 'red-mean-test', input: { name: 'input', width: 8, height: 8 }, output: { aiIndex: 0 }, calibration: { threshold: 0.5, likelihood: 0.7, source: 'test calibration' } };

  it('scores in a child process with the sidecar normalisation and output mapping, named and calibrated in the finding', async () => {
    const [source] = modelSources(loadAiSignalsSettings({ AI_DETECTOR_ONNX: await modelDir(sidecar) }));
    toClose.push(source as OnnxDetectorSource);
    const assessor = new ImageAiAssessor({ registry: new AiSignalRegistry([source]) });
    const findings = await new AiForensicDetector(assessor).detect(context([await solid('#ff0000'), await solid('#0000ff', 1)]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ imagePosition: 0, confidence: 0.7, ruleId: 'model.onnx' });
    expect(findings[0].evidence).toMatchObject({ model: 'red-mean-test', rawScore: 1, calibration: { threshold: 0.5, likelihood: 0.7, source: 'test calibration' } });
  });

  it('applies mean/std and softmax from the sidecar', async () => {
    const config = loadOnnxDetectorConfig(await modelDir({ ...sidecar, input: { ...sidecar.input, mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] }, output: { aiIndex: 2, activation: 'softmax' } }));
    const source = new OnnxDetectorSource(config);
    toClose.push(source);
    const image = await solid('#0000ff'); // logits (−1, −1, 1) → softmax[2] = e / (e + 2/e)
    const result = await source.analyze({ image, metadata: {} as never, pixels: async () => null, deadline: Date.now() + 60_000 });
    expect((result.measurements['onnxDetector'] as { score: number }).score).toBeCloseTo(Math.E / (Math.E + 2 / Math.E), 4);
  });

  it('refuses to start without the sidecar, and with a sidecar missing the output mapping', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'll-onnx-'));
    await writeFile(join(dir, 'm.onnx'), channelMeanModel(8));
    expect(() => loadOnnxDetectorConfig(join(dir, 'm.onnx'))).toThrow(/m\.onnx\.json .* is missing/);
    await writeFile(join(dir, 'm.onnx.json'), JSON.stringify({ input: sidecar.input }));
    expect(() => loadOnnxDetectorConfig(join(dir, 'm.onnx'))).toThrow(/output\.aiIndex is required/);
  });
});

describe('AI_DETECTOR_REMOTE=sightengine, against a loopback server speaking its response format', () => {
  let server: Server;
  const seen: { user: string | null; hasMedia: boolean }[] = [];
  let failuresLeft = 0;
  let delayMs = 0;

  async function start(): Promise<string> {
    server = createServer(async (req: IncomingMessage, res) => {
      const body = await new Response(req as unknown as ReadableStream, { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
      seen.push({ user: body.get('api_user') as string | null, hasMedia: body.get('media') instanceof Blob });
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      if (failuresLeft-- > 0) return res.writeHead(503).end('{"status":"failure","error":{"type":"server","code":503}}');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', request: { id: `req_${seen.length}`, timestamp: 1, operations: 1 }, type: { ai_generated: 0.97 }, media: { id: 'med_1', uri: null } }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    toClose.push({ close: () => new Promise<void>((r) => server.close(() => r())) });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/1.0/check.json`;
  }
  const make = (endpoint: string, timeoutMs = 2_000) =>
    new RemoteDetectorSource({ endpoint, apiUser: 'u1', apiSecret: 's1', timeoutMs, retries: 2, calibration: { ...UNCALIBRATED, threshold: 0.9 }, backoffMs: () => 10 });
  const input = (image: AnalyzedImage) => ({ image, metadata: {} as never, pixels: async () => null, deadline: Date.now() + 60_000 });

  it('posts the image, reports the raw score and request id, retries a 503, and pays once per sha256', async () => {
    const endpoint = await start();
    const source = make(endpoint);
    failuresLeft = 1;
    const image = await solid('#123456');
    const first = await source.analyze(input(image));
    expect(first.signals[0]).toMatchObject({ id: 'model.remote.sightengine', strength: 'weak', evidence: { rawScore: 0.97, provider: 'sightengine', requestId: 'req_2', attempts: 2, cached: false } });
    expect(seen.at(-1)).toEqual({ user: 'u1', hasMedia: true });
    const again = await source.analyze(input({ ...image, position: 3 }));
    expect(again.signals[0].evidence).toMatchObject({ cached: true, requestId: 'req_2' });
    expect(source.calls).toBe(2); // one failed attempt + one success, nothing for the cached image
  });

  it('gives up after its timeout on every attempt and does not cache the failure', async () => {
    const endpoint = await start();
    const source = make(endpoint, 100);
    delayMs = 400;
    await expect(source.analyze(input(await solid('#654321')))).rejects.toThrow(/failed after 3 attempts/);
    expect(source.calls).toBe(3);
    delayMs = 0;
    await expect(source.analyze(input(await solid('#654321')))).resolves.toMatchObject({ signals: [expect.anything()] });
  });

  it('is off unless configured', () => {
    expect(modelSources(loadAiSignalsSettings({}))).toEqual([]);
    expect(() => loadAiSignalsSettings({ AI_DETECTOR_REMOTE: 'sightengine' })).toThrow(/AI_DETECTOR_REMOTE: sightengine needs SIGHTENGINE_API_USER/);
    expect(() => loadAiSignalsSettings({ AI_DETECTOR_REMOTE: 'hive' })).toThrow(/AI_DETECTOR_REMOTE/);
    expect(() => loadAiSignalsSettings({ AI_DETECTOR_ONNX_POOL_SIZE: '-1' })).toThrow(/AI_DETECTOR_ONNX_POOL_SIZE: must be a whole number/);
  });
});
