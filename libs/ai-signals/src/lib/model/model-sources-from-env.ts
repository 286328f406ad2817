import type { AiSignalSource } from '../signals/ai-signal';
import { checkCalibration } from './model-calibration';
import { loadOnnxDetectorConfig, OnnxDetectorSource } from './onnx-detector-source';
import { RemoteDetectorSource } from './remote-detector-source';

const SIGHTENGINE_URL = 'https://api.sightengine.com/1.0/check.json';

/**
 * The pixel detectors an operator configured, read once when the scanner is built (worker bootstrap, CLI
 * start). None by default: ListingLens ships no weights and calls no third party unless told to.
 * - `AI_DETECTOR_ONNX=/path/model.onnx` (+ `/path/model.onnx.json`), `AI_DETECTOR_ONNX_POOL_SIZE` (1)
 * - `AI_DETECTOR_REMOTE=sightengine` with `SIGHTENGINE_API_USER`, `SIGHTENGINE_API_SECRET`;
 *   `AI_DETECTOR_REMOTE_URL`, `_TIMEOUT_MS` (10000), `_RETRIES` (2), `_THRESHOLD`, `_LIKELIHOOD`, `_CALIBRATION_SOURCE`
 */
export function modelSourcesFromEnv(env: NodeJS.ProcessEnv = process.env): AiSignalSource[] {
  const sources: AiSignalSource[] = [];
  const onnx = env['AI_DETECTOR_ONNX']?.trim();
  if (onnx) sources.push(new OnnxDetectorSource(loadOnnxDetectorConfig(onnx), { poolSize: positive(env, 'AI_DETECTOR_ONNX_POOL_SIZE', 1) }));
  const remote = env['AI_DETECTOR_REMOTE']?.trim();
  if (remote) {
    if (remote !== 'sightengine') throw new Error(`AI_DETECTOR_REMOTE: "${remote}" is not supported (sightengine)`);
    const apiUser = env['SIGHTENGINE_API_USER'];
    const apiSecret = env['SIGHTENGINE_API_SECRET'];
    if (!apiUser || !apiSecret) throw new Error('AI_DETECTOR_REMOTE=sightengine needs SIGHTENGINE_API_USER and SIGHTENGINE_API_SECRET');
    const number = (key: string) => (env[key] !== undefined ? Number(env[key]) : undefined);
    sources.push(
      new RemoteDetectorSource({
        endpoint: env['AI_DETECTOR_REMOTE_URL'] ?? SIGHTENGINE_URL,
        apiUser,
        apiSecret,
        timeoutMs: positive(env, 'AI_DETECTOR_REMOTE_TIMEOUT_MS', 10_000),
        retries: positive(env, 'AI_DETECTOR_REMOTE_RETRIES', 2),
        calibration: checkCalibration(
          { threshold: number('AI_DETECTOR_REMOTE_THRESHOLD'), likelihood: number('AI_DETECTOR_REMOTE_LIKELIHOOD'), source: env['AI_DETECTOR_REMOTE_CALIBRATION_SOURCE'] },
          'AI_DETECTOR_REMOTE',
        ),
      }),
    );
  }
  return sources;
}

function positive(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const value = env[key] === undefined ? fallback : Number(env[key]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${key} must be a whole number ≥ 0`);
  return value;
}
