import { parseSettings } from '@listinglens/contracts';
import { z } from 'zod';

export const SIGHTENGINE_URL = 'https://api.sightengine.com/1.0/check.json';

const count = (fallback: number) => z.coerce.number().int('must be a whole number ≥ 0').min(0, 'must be a whole number ≥ 0').default(fallback);
const optionalNumber = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().optional());

/**
 * What the operator configures about AI-image signals (README "AI-image signals"). A part of each app's
 * own settings schema (the worker's; the CLI's environment), validated with it at start and handed to the
 * scanner: nothing in this lib reads the environment. None is on by default: no trust list ships, and no
 * pixel detector runs or third party is called unless configured.
 */
export const aiSignalsSettings = z.object({
  /** PEM files of C2PA trust anchors, separated by commas. Unset: a valid manifest reads "untrusted-signer". */
  C2PA_TRUST_ANCHORS: z.string().optional(),
  /** An operator's ONNX classifier (with its `.onnx.json` sidecar) and the processes that run it. */
  AI_DETECTOR_ONNX: z.string().optional(),
  AI_DETECTOR_ONNX_POOL_SIZE: count(1),
  /** A remote detector: `sightengine`, with its credentials. */
  AI_DETECTOR_REMOTE: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['sightengine']).optional()),
  SIGHTENGINE_API_USER: z.string().optional(),
  SIGHTENGINE_API_SECRET: z.string().optional(),
  AI_DETECTOR_REMOTE_URL: z.string().url().default(SIGHTENGINE_URL),
  AI_DETECTOR_REMOTE_TIMEOUT_MS: count(10_000),
  AI_DETECTOR_REMOTE_RETRIES: count(2),
  AI_DETECTOR_REMOTE_THRESHOLD: optionalNumber,
  AI_DETECTOR_REMOTE_LIKELIHOOD: optionalNumber,
  AI_DETECTOR_REMOTE_CALIBRATION_SOURCE: z.string().optional(),
});
export type AiSignalsSettings = z.output<typeof aiSignalsSettings>;

/** The remote detector needs both credentials: a refinement for any schema that includes these settings. */
export function remoteDetectorHasCredentials(s: Pick<AiSignalsSettings, 'AI_DETECTOR_REMOTE' | 'SIGHTENGINE_API_USER' | 'SIGHTENGINE_API_SECRET'>): boolean {
  return !s.AI_DETECTOR_REMOTE || (!!s.SIGHTENGINE_API_USER && !!s.SIGHTENGINE_API_SECRET);
}
export const REMOTE_DETECTOR_CREDENTIALS = { path: ['AI_DETECTOR_REMOTE'], message: 'sightengine needs SIGHTENGINE_API_USER and SIGHTENGINE_API_SECRET' };

/** For an app whose only settings these are (the CLI, benchmarks): one message naming every bad variable. */
export function loadAiSignalsSettings(env: NodeJS.ProcessEnv): AiSignalsSettings {
  return parseSettings(aiSignalsSettings.refine(remoteDetectorHasCredentials, REMOTE_DETECTOR_CREDENTIALS), env, 'AI-signal settings');
}
