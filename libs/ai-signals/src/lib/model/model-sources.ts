import type { AiSignalsSettings } from '../ai-signals-settings';
import type { AiSignalSource } from '../signals/ai-signal';
import { checkCalibration } from './model-calibration';
import { loadOnnxDetectorConfig, OnnxDetectorSource } from './onnx-detector-source';
import { RemoteDetectorSource } from './remote-detector-source';

/**
 * The pixel detectors an operator configured (AiSignalsSettings), built once with the scanner (worker
 * bootstrap, CLI start). None by default: ListingLens ships no weights and calls no third party unless told to.
 */
export function modelSources(settings: AiSignalsSettings): AiSignalSource[] {
  const sources: AiSignalSource[] = [];
  const onnx = settings.AI_DETECTOR_ONNX?.trim();
  if (onnx) sources.push(new OnnxDetectorSource(loadOnnxDetectorConfig(onnx), { poolSize: settings.AI_DETECTOR_ONNX_POOL_SIZE }));
  if (settings.AI_DETECTOR_REMOTE === 'sightengine') {
    const { SIGHTENGINE_API_USER: apiUser, SIGHTENGINE_API_SECRET: apiSecret } = settings;
    if (!apiUser || !apiSecret) throw new Error('AI_DETECTOR_REMOTE=sightengine needs SIGHTENGINE_API_USER and SIGHTENGINE_API_SECRET');
    sources.push(
      new RemoteDetectorSource({
        endpoint: settings.AI_DETECTOR_REMOTE_URL,
        apiUser,
        apiSecret,
        timeoutMs: settings.AI_DETECTOR_REMOTE_TIMEOUT_MS,
        retries: settings.AI_DETECTOR_REMOTE_RETRIES,
        calibration: checkCalibration(
          { threshold: settings.AI_DETECTOR_REMOTE_THRESHOLD, likelihood: settings.AI_DETECTOR_REMOTE_LIKELIHOOD, source: settings.AI_DETECTOR_REMOTE_CALIBRATION_SOURCE },
          'AI_DETECTOR_REMOTE',
        ),
      }),
    );
  }
  return sources;
}
