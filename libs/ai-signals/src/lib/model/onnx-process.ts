// Entry of one ONNX detector child process: loads the operator's model once, then scores one tensor per message.
import type { ForkReply } from '@listinglens/pipeline';

export interface OnnxRequest {
  inputName: string;
  dims: number[];
  data: Float32Array;
  outputName: string | null;
}
export type OnnxResult = { output: number[] };

const send = (reply: ForkReply<OnnxResult>) => process.send?.(reply);
const modelPath = process.env['LL_ONNX_MODEL'];
if (!modelPath || !process.send) throw new Error('onnx-process runs as a child of ForkPool');

// Loaded here, never in the worker's main process (onnxruntime-node is ~27 MB resident).
async function main(): Promise<void> {
  try {
    const ort = await import('onnxruntime-node');
    const session = await ort.InferenceSession.create(modelPath as string, { intraOpNumThreads: 1 });
    process.on('message', (message: { id: number; request: OnnxRequest }) => {
      const { id, request } = message;
      const feeds = { [request.inputName]: new ort.Tensor('float32', request.data, request.dims) };
      session.run(feeds).then(
        (outputs) => {
          const tensor = outputs[request.outputName ?? session.outputNames[0]];
          if (!tensor) return send({ id, ok: false, message: `model has no output ${request.outputName}` });
          send({ id, ok: true, result: { output: Array.from(tensor.data as Float32Array) } });
        },
        (err: unknown) => send({ id, ok: false, message: err instanceof Error ? err.message : String(err) }),
      );
    });
    send({ id: 0, ready: true });
  } catch (err) {
    send({ id: 0, ok: false, message: `ONNX model failed to load: ${err instanceof Error ? err.message : String(err)}` });
    process.exit(1);
  }
}
void main();
process.on('disconnect', () => process.exit(0));
