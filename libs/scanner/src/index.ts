export * from './lib/scanner-options';
export * from './lib/create-scanner';
export * from './lib/shared-raster-pixels';
export * from './lib/zxing-qr-code-reader';
export * from './lib/zxing-qr-code-reader';
