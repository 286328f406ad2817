/**
 * OCR threads and processes never need the network: models and language data are read from local files. Taking it
 * away inside the thread turns a misconfiguration that would fall back to a CDN or a model hub into a
 * loud failure instead of a download.
 */
export const NETWORK_DISABLED_MESSAGE = 'network access is disabled in ListingLens OCR workers';

export function disableNetwork(): void {
  const refuse = (): never => {
    throw new Error(NETWORK_DISABLED_MESSAGE);
  };
  globalThis.fetch = async () => refuse();
  for (const mod of [require('node:http'), require('node:https')]) {
    mod.request = refuse;
    mod.get = refuse;
  }
  const net = require('node:net');
  net.connect = refuse;
  net.createConnection = refuse;
  require('node:tls').connect = refuse;
}
