// Worker-thread entry (run by CpuPool): jsQR over one RGBA band. Plain JavaScript that would otherwise
// hold the event loop for 50–500 ms a pass.
import jsQR from 'jsqr';

export interface QrDecodeInput {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface QrDecodeOutput {
  payload: string;
  xs: number[];
  ys: number[];
}

export function decodeQr({ data, width, height }: QrDecodeInput): QrDecodeOutput | null {
  const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width, height, { inversionAttempts: 'attemptBoth' });
  if (!code || !code.data) return null;
  const loc = code.location;
  return {
    payload: code.data,
    xs: [loc.topLeftCorner.x, loc.topRightCorner.x, loc.bottomLeftCorner.x, loc.bottomRightCorner.x],
    ys: [loc.topLeftCorner.y, loc.topRightCorner.y, loc.bottomLeftCorner.y, loc.bottomRightCorner.y],
  };
}
