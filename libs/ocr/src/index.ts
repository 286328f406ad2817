export * from './lib/ocr-options';
export * from './lib/ocr-errors';
export * from './lib/ocr-cache';
export type { OcrPoolUsage } from './lib/ocr-pool-usage';
export * from './lib/redis-ocr-cache';
export * from './lib/language-data';
export * from './lib/tile-plan';
export { writeOfflineWorkerScript } from './lib/offline-worker-script';
export { NETWORK_DISABLED_MESSAGE } from './lib/no-network';
export { TesseractWorkerPool, type WorkerPoolOptions } from './lib/tesseract-worker-pool';
export { TESSERACT_READER_VERSION, TesseractTextReader } from './lib/tesseract-text-reader';
export { createTextReader, type CreateTextReaderOptions, type ManagedTextReader, TESSERACT_LINE_PARAMETERS } from './lib/create-text-reader';
// PpOcrEngine is not exported: it loads onnxruntime, which only the pool's child processes need.
export { PaddleTextReader } from './lib/paddle/paddle-text-reader';
export type { PpOcrLine } from './lib/paddle/ppocr-settings';
export { PpOcrReadError } from './lib/paddle/ppocr-pool';
