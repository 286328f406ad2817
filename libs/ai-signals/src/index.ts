// Detectors and their factory: what the scanner wires in.
export * from './lib/create-ai-detectors';
export * from './lib/detectors/ai-provenance.detector';
export * from './lib/detectors/ai-watermark.detector';
export * from './lib/detectors/ai-forensic.detector';
export * from './lib/detectors/ai-undisclosed.detector';
export * from './lib/detectors/image-reused.detector';
export * from './lib/detectors/image-listed-match.detector';
// Per-image assessment (band, likelihood, signals), used by the detectors and bench/eval-ai.ts.
export * from './lib/image-ai-assessor';
export * from './lib/decision/ai-likelihood';
export * from './lib/signals/ai-signal';
export * from './lib/signals/signal-registry';
export * from './lib/signals/provenance-signal-source';
export * from './lib/signals/watermark-signal-source';
export * from './lib/signals/forensic-signal-source';
// Operator-supplied pixel detectors (none by default): an ONNX model in forked processes, a remote API.
export * from './lib/model/model-calibration';
export * from './lib/model/onnx-detector-source';
export * from './lib/model/remote-detector-source';
export * from './lib/model/model-sources';
export * from './lib/ai-signals-settings';
// Image reuse: the index interface the service implements in PostgreSQL, and an in-memory one.
export * from './lib/reuse/phash-index';
export * from './lib/reuse/in-memory-phash-index';
export * from './lib/reuse/centre-hash';
// Readers and decoders, usable on their own.
export * from './lib/containers/image-metadata';
export * from './lib/containers/png-chunks';
export * from './lib/containers/exif-fields';
export * from './lib/pixels';
export * from './lib/provenance/provenance-types';
export * from './lib/provenance/digital-source-type';
export * from './lib/provenance/c2pa-reader';
export * from './lib/provenance/c2pa-trust';
export * from './lib/provenance/c2pa-manifest-graph';
export * from './lib/provenance/c2pa-assessment';
export * from './lib/provenance/provenance-reader';
export * from './lib/provenance/novelai-stealth';
export * from './lib/watermark/dwt-dct-blocks';
export * from './lib/watermark/match-thresholds';
export * from './lib/watermark/sd-watermark-detector';
export * from './lib/forensic/spectral-peak-statistic';
export * from './lib/forensic/spectral-peak-calibration';
export * from './lib/pixel-statistics';
