/**
 * A tiny ONNX model encoded by hand (protobuf wire format, onnx/onnx.proto field numbers), so the ONNX
 * detector seat is tested without python, downloads or weights: input "input" float[1,3,H,W] →
 * GlobalAveragePool → Flatten → output "logits" float[1,3] = the mean of each channel after normalisation.
 */
const varint = (n: number): Buffer => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
};
const key = (field: number, wire: 0 | 2) => varint((field << 3) | wire);
const int = (field: number, n: number) => Buffer.concat([key(field, 0), varint(n)]);
const bytes = (field: number, data: Buffer) => Buffer.concat([key(field, 2), varint(data.length), data]);
const str = (field: number, s: string) => bytes(field, Buffer.from(s, 'utf8'));

/** ValueInfoProto{name=1, type=2: TypeProto{tensor_type=1: {elem_type=1 (FLOAT=1), shape=2: {dim=1: {dim_value=1}}}}} */
function valueInfo(name: string, dims: number[]): Buffer {
  const shape = Buffer.concat(dims.map((d) => bytes(1, int(1, d))));
  const tensor = Buffer.concat([int(1, 1), bytes(2, shape)]);
  return Buffer.concat([str(1, name), bytes(2, bytes(1, tensor))]);
}

/** NodeProto{input=1, output=2, name=3, op_type=4} */
const node = (op: string, input: string, output: string) => Buffer.concat([str(1, input), str(2, output), str(3, op.toLowerCase()), str(4, op)]);

export function channelMeanModel(size: number): Buffer {
  const graph = Buffer.concat([
    bytes(1, node('GlobalAveragePool', 'input', 'pooled')),
    bytes(1, node('Flatten', 'pooled', 'logits')),
    str(2, 'channel-mean'),
    bytes(11, valueInfo('input', [1, 3, size, size])),
    bytes(12, valueInfo('logits', [1, 3])),
  ]);
  // ModelProto{ir_version=1, producer_name=2, graph=7, opset_import=8: {domain=1 "", version=2}}
  return Buffer.concat([int(1, 7), str(2, 'listinglens-test'), bytes(7, graph), bytes(8, Buffer.concat([str(1, ''), int(2, 13)]))]);
}
