import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import sharp from 'sharp';
import type { AiSignalResult, AiSignalSource, SignalInput } from '../signals/ai-signal';
import { compiledEntry, ForkPool } from '@listinglens/pipeline';
import { checkCalibration, modelSignal, type ModelCalibration } from './model-calibration';
import type { OnnxRequest, OnnxResult } from './onnx-process';

/**
 * The sidecar beside the model (`model.onnx` → `model.onnx.json`): how to feed it and read it.
 * `input`: tensor name, size, RGB normalisation ((pixel / scale − mean) / std, per channel), NCHW or NHWC.
 * `output`: tensor name (default: the first), the index of the "AI" class, and the activation to apply.
 */
export interface OnnxSidecar {
  name: string;
  input: { name: string; width: number; height: number; layout?: 'NCHW' | 'NHWC'; scale?: number; mean?: number[]; std?: number[] };
  output: { name?: string; aiIndex: number; activation?: 'none' | 'sigmoid' | 'softmax' };
  calibration?: Partial<ModelCalibration>;
}

export interface OnnxDetectorConfig {
  modelPath: string;
  sidecar: Required<Pick<OnnxSidecar, 'name' | 'input' | 'output'>>;
  calibration: ModelCalibration;
}

/** Reads and checks `<model>.json`; a missing or malformed sidecar stops startup with what is wrong. */
export function loadOnnxDetectorConfig(modelPath: string): OnnxDetectorConfig {
  const sidecarPath = `${modelPath}.json`;
  if (!existsSync(modelPath)) throw new Error(`AI_DETECTOR_ONNX: ${modelPath} does not exist`);
  if (!existsSync(sidecarPath)) throw new Error(`AI_DETECTOR_ONNX: ${sidecarPath} (input size, normalisation, output mapping) is missing`);
  const s = JSON.parse(readFileSync(sidecarPath, 'utf8')) as OnnxSidecar;
  const where = `AI_DETECTOR_ONNX sidecar ${sidecarPath}`;
  if (!s.input || !(s.input.width > 0 && s.input.height > 0) || typeof s.input.name !== 'string') throw new Error(`${where}: input.name, input.width, input.height are required`);
  if (!s.output || !Number.isInteger(s.output.aiIndex)) throw new Error(`${where}: output.aiIndex is required`);
  return { modelPath, sidecar: { name: s.name ?? basename(modelPath), input: s.input, output: s.output }, calibration: checkCalibration(s.calibration, where) };
}

/**
 * An operator-supplied ONNX image classifier. Pixels are resized and normalised here (sharp, off the event
 * loop); inference runs in forked processes (ForkPool). No weights ship with ListingLens.
 */
export class OnnxDetectorSource implements AiSignalSource {
  readonly id = 'model.onnx';
  readonly version = 1;
  readonly kind = 'model';
  private readonly pool: ForkPool<OnnxRequest, OnnxResult>;

  constructor(
    private readonly config: OnnxDetectorConfig,
    options: { poolSize?: number; timeoutMs?: number } = {},
  ) {
    this.pool = new ForkPool(onnxProcessScript(), options.poolSize ?? 1, { LL_ONNX_MODEL: config.modelPath });
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }
  private readonly timeoutMs: number;

  async analyze(input: SignalInput): Promise<AiSignalResult> {
    const { input: spec, output, name } = this.config.sidecar;
    // The scan's shared decode (decoded once per image for every pixel consumer); bytes only without one.
    const pixels = await input.pixels();
    const data = await toTensor(pixels ? sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: pixels.channels } }) : sharp(input.image.bytes).rotate(), spec);
    const dims = spec.layout === 'NHWC' ? [1, spec.height, spec.width, 3] : [1, 3, spec.height, spec.width];
    const { output: values } = await this.pool.run({ inputName: spec.name, dims, data, outputName: output.name ?? null }, this.timeoutMs);
    const score = activate(values, output.activation ?? 'none')[output.aiIndex];
    if (typeof score !== 'number' || Number.isNaN(score)) throw new Error(`${name}: output has no index ${output.aiIndex}`);
    const evidence = { modelFile: basename(this.config.modelPath) };
    return {
      signals: modelSignal('model.onnx', name, score, this.config.calibration, evidence),
      measurements: { onnxDetector: { model: name, score } },
    };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

async function toTensor(image: sharp.Sharp, spec: OnnxSidecar['input']): Promise<Float32Array> {
  const { data } = await image.removeAlpha().toColourspace('srgb').resize(spec.width, spec.height, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
  const scale = spec.scale ?? 255;
  const mean = spec.mean ?? [0, 0, 0];
  const std = spec.std ?? [1, 1, 1];
  const plane = spec.width * spec.height;
  const out = new Float32Array(plane * 3);
  for (let p = 0; p < plane; p++) {
    for (let c = 0; c < 3; c++) {
      const v = (data[p * 3 + c] / scale - mean[c]) / std[c];
      out[spec.layout === 'NHWC' ? p * 3 + c : c * plane + p] = v;
    }
  }
  return out;
}

function activate(values: number[], activation: 'none' | 'sigmoid' | 'softmax'): number[] {
  if (activation === 'sigmoid') return values.map((v) => 1 / (1 + Math.exp(-v)));
  if (activation === 'softmax') {
    const max = Math.max(...values);
    const exps = values.map((v) => Math.exp(v - max));
    const sum = exps.reduce((a, b) => a + b, 0);
    return exps.map((e) => e / sum);
  }
  return values;
}

const onnxProcessScript = (): string =>
  compiledEntry(typeof __dirname === 'string' ? __dirname : undefined, 'libs/ai-signals/src/lib/model', 'onnx-process.js');
