/**
 * Just enough of the ONNX protobuf format to write an inference graph: nodes with int, float and
 * ints attributes, initializer tensors, typed inputs and outputs. Field numbers are those of
 * onnx.proto (ModelProto, GraphProto, NodeProto, TensorProto, AttributeProto, ValueInfoProto).
 */

export const FLOAT = 1;
export const INT64 = 7;

type Attribute = number | number[];
export type GraphNode = { type: string; inputs: string[]; outputs: string[]; attrs: Record<string, Attribute> };
export type Tensor = { name: string; dtype: number; dims: number[]; data: Float32Array | BigInt64Array };
export type ValueInfo = { name: string; elem: number; dims: (number | string)[] };

/**
 * A protobuf message being written: fields append in order. A nested message keeps its parts
 * rather than a joined copy, so the weights are copied once, into the final buffer.
 */
class Message {
  readonly parts: Uint8Array[] = [];
  length = 0;

  private push(bytes: Uint8Array): this {
    this.parts.push(bytes);
    this.length += bytes.length;
    return this;
  }

  private varint(value: number | bigint): this {
    let v = BigInt.asUintN(64, BigInt(value));
    const bytes: number[] = [];
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v) byte |= 0x80;
      bytes.push(byte);
    } while (v);
    return this.push(Uint8Array.from(bytes));
  }

  private key(field: number, wireType: number): this {
    return this.varint((field << 3) | wireType);
  }

  int(field: number, value: number): this {
    return this.key(field, 0).varint(value);
  }

  bytes(field: number, value: Uint8Array): this {
    return this.key(field, 2).varint(value.length).push(value);
  }

  str(field: number, value: string): this {
    return this.bytes(field, Buffer.from(value, 'utf8'));
  }

  msg(field: number, value: Message): this {
    this.key(field, 2).varint(value.length);
    for (const part of value.parts) this.push(part);
    return this;
  }

  float(field: number, value: number): this {
    const bytes = Buffer.alloc(4);
    bytes.writeFloatLE(value);
    return this.key(field, 5).push(bytes);
  }

  done(): Uint8Array {
    return Buffer.concat(this.parts, this.length);
  }
}

function tensor({ name, dtype, dims, data }: Tensor): Message {
  const t = new Message();
  for (const d of dims) t.int(1, d);
  t.int(2, dtype).str(8, name);
  return t.bytes(9, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

function attribute(name: string, value: Attribute): Message {
  const a = new Message().str(1, name);
  if (Array.isArray(value)) {
    for (const v of value) a.int(8, v);
    return a.int(20, 7);
  }
  if (Number.isInteger(value)) return a.int(3, value).int(20, 2);
  return a.float(2, value).int(20, 1);
}

function valueInfo({ name, elem, dims }: ValueInfo): Message {
  const shape = new Message();
  for (const d of dims) shape.msg(1, typeof d === 'number' ? new Message().int(1, d) : new Message().str(2, d));
  return new Message().str(1, name).msg(2, new Message().msg(1, new Message().int(1, elem).msg(2, shape)));
}

/** The serialized ModelProto (IR version 8, default opset 17) of one graph. */
export function encodeModel(graph: {
  name: string;
  nodes: GraphNode[];
  inits: Tensor[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
}): Uint8Array {
  const g = new Message().str(2, graph.name);
  for (const n of graph.nodes) {
    const node = new Message();
    for (const i of n.inputs) node.str(1, i);
    for (const o of n.outputs) node.str(2, o);
    node.str(4, n.type);
    for (const [k, v] of Object.entries(n.attrs)) node.msg(5, attribute(k, v));
    g.msg(1, node);
  }
  for (const t of graph.inits) g.msg(5, tensor(t));
  for (const i of graph.inputs) g.msg(11, valueInfo(i));
  for (const o of graph.outputs) g.msg(12, valueInfo(o));
  return new Message().int(1, 8).str(2, 'stackguide-embedder').msg(7, g).msg(8, new Message().str(1, '').int(2, 17)).done();
}
