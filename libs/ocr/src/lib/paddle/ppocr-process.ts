// Entry of one PP-OCR child process (run by ForkPool): loads the models once, then reads one image per message.
import type { ForkReply } from '@listinglens/pipeline';
import { disableNetwork } from '../no-network';
import { PpOcrEngine } from './ppocr-engine';
import type { PpOcrLine, PpOcrSettings } from './ppocr-settings';
import type { PpOcrModelFiles } from './ppocr-models';

export type ProcessRequest = { bytes: Uint8Array; settings: PpOcrSettings };

disableNetwork();
const send = (reply: ForkReply<PpOcrLine[]>) => process.send?.(reply);
const files = JSON.parse(process.env['LL_PPOCR_FILES'] ?? 'null') as PpOcrModelFiles | null;
if (!files || !process.send) throw new Error('ppocr-process runs as a child of PpOcrPool');

PpOcrEngine.load(files).then(
  (engine) => {
    process.on('message', ({ id, request }: { id: number; request: ProcessRequest }) => {
      const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
      engine.read(bytes, request.settings).then(
        (lines) => send({ id, ok: true, result: lines }),
        (err: unknown) => send({ id, ok: false, message: err instanceof Error ? err.message : String(err) }),
      );
    });
    send({ id: 0, ready: true });
  },
  (err: unknown) => {
    send({ id: 0, ok: false, message: `PP-OCR models failed to load: ${err instanceof Error ? err.message : String(err)}` });
    process.exit(1);
  },
);
// The parent went away: nothing left to read for.
process.on('disconnect', () => process.exit(0));
