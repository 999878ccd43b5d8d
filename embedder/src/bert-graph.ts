import { encodeModel, FLOAT, type GraphNode, INT64, type Tensor } from './onnx-proto.ts';
import type { Weight } from './safetensors.ts';

/** The fields of a BERT `config.json` the graph needs. */
export type BertConfig = {
  hidden_size: number;
  num_attention_heads: number;
  num_hidden_layers: number;
  layer_norm_eps: number;
};

/** Name of the graph's output: one unit-length vector per input text. */
export const OUTPUT = 'sentence_embedding';

/**
 * A BERT encoder as an ONNX graph (opset 17) with sentence-transformers' mean pooling over the real
 * tokens and L2 normalisation inside the graph, so its output is what `encode(…, normalize)` gives
 * and cosine similarity is a dot product. Inputs: `input_ids` and `attention_mask`, int64 [batch, seq].
 * @throws Error naming a weight the file lacks.
 */
export function bertOnnx(weights: Map<string, Weight>, cfg: BertConfig): Uint8Array {
  const H = cfg.hidden_size;
  const headDim = H / cfg.num_attention_heads;
  const nodes: GraphNode[] = [];
  const inits: Tensor[] = [];
  let uid = 0;
  const f32 = (name: string, dims: number[], data: Float32Array) => {
    inits.push({ name, dtype: FLOAT, dims, data });
    return name;
  };
  const scalar = (name: string, value: number) => f32(name, [], Float32Array.of(value));
  const i64 = (name: string, values: number[]) => {
    inits.push({ name, dtype: INT64, dims: [values.length], data: BigInt64Array.from(values.map(BigInt)) });
    return name;
  };
  const op = (type: string, inputs: string[], attrs: GraphNode['attrs'] = {}, out = `${type}_${uid++}`) => {
    nodes.push({ type, inputs, outputs: [out], attrs });
    return out;
  };
  const w = (name: string): Weight => {
    const weight = weights.get(name);
    if (!weight) throw new Error(`the model file has no weight ${name}`);
    return weight;
  };

  // torch's Linear is y = x Wᵀ + b with W stored [out, in]; MatMul wants [in, out].
  const linear = (x: string, prefix: string) => {
    const { shape, data } = w(`${prefix}.weight`);
    const [O = 0, I = 0] = shape;
    const transposed = new Float32Array(I * O);
    for (let o = 0; o < O; o++) for (let i = 0; i < I; i++) transposed[i * O + o] = data[o * I + i]!;
    return op('Add', [op('MatMul', [x, f32(`${prefix}.wT`, [I, O], transposed)]), f32(`${prefix}.b`, [O], w(`${prefix}.bias`).data)]);
  };
  const layerNorm = (x: string, prefix: string) =>
    op(
      'LayerNormalization',
      [x, f32(`${prefix}.g`, [H], w(`${prefix}.weight`).data), f32(`${prefix}.beta`, [H], w(`${prefix}.bias`).data)],
      {
        axis: -1,
        epsilon: cfg.layer_norm_eps,
      },
    );

  // Embeddings: word + position + token type 0, then LayerNorm.
  const seqLen = op('Slice', [op('Shape', ['input_ids']), i64('c1', [1]), i64('c2', [2])]);
  const wordTable = w('embeddings.word_embeddings.weight');
  const posTable = w('embeddings.position_embeddings.weight');
  const word = op('Gather', [f32('word', wordTable.shape, wordTable.data), 'input_ids']);
  const pos = op('Slice', [f32('pos', posTable.shape, posTable.data), i64('c0', [0]), seqLen, i64('c0b', [0])]);
  const tokenType0 = f32('tok0', [H], w('embeddings.token_type_embeddings.weight').data.subarray(0, H));
  let x = layerNorm(op('Add', [op('Add', [word, pos]), tokenType0]), 'embeddings.LayerNorm');

  // Attention bias [B, 1, 1, T]: 0 on real tokens, -1e9 on padding.
  const mask = op('Cast', ['attention_mask'], { to: FLOAT });
  const one = scalar('one', 1);
  const bias = op('Unsqueeze', [op('Mul', [op('Sub', [one, mask]), scalar('neg', -1e9)]), i64('ax12', [1, 2])]);
  const heads = i64('heads', [0, 0, cfg.num_attention_heads, headDim]);
  const merged = i64('merged', [0, 0, H]);
  const attentionScale = scalar('scale', 1 / Math.sqrt(headDim));
  const half = scalar('half', 0.5);
  const sqrt2 = scalar('sqrt2', Math.SQRT2);

  for (let l = 0; l < cfg.num_hidden_layers; l++) {
    const p = `encoder.layer.${l}.`;
    const split = (t: string, perm: number[]) => op('Transpose', [op('Reshape', [t, heads])], { perm });
    const q = split(linear(x, `${p}attention.self.query`), [0, 2, 1, 3]);
    const k = split(linear(x, `${p}attention.self.key`), [0, 2, 3, 1]);
    const v = split(linear(x, `${p}attention.self.value`), [0, 2, 1, 3]);
    const probs = op('Softmax', [op('Add', [op('Mul', [op('MatMul', [q, k]), attentionScale]), bias])], { axis: -1 });
    const context = op('Reshape', [op('Transpose', [op('MatMul', [probs, v])], { perm: [0, 2, 1, 3] }), merged]);
    const x1 = layerNorm(op('Add', [linear(context, `${p}attention.output.dense`), x]), `${p}attention.output.LayerNorm`);
    const h = linear(x1, `${p}intermediate.dense`);
    // BERT's exact GELU: x/2 · (1 + erf(x/√2)).
    const gelu = op('Mul', [op('Mul', [h, half]), op('Add', [op('Erf', [op('Div', [h, sqrt2])]), one])]);
    x = layerNorm(op('Add', [linear(gelu, `${p}output.dense`), x1]), `${p}output.LayerNorm`);
  }

  const mask3 = op('Unsqueeze', [mask, i64('ax2', [2])]);
  const ax1 = i64('ax1', [1]);
  const sum = op('ReduceSum', [op('Mul', [x, mask3]), ax1], { keepdims: 0 });
  const mean = op('Div', [sum, op('ReduceSum', [mask3, ax1], { keepdims: 0 })]);
  op('LpNormalization', [mean], { axis: 1, p: 2 }, OUTPUT);

  return encodeModel({
    name: 'bert-sentence-embedding',
    nodes,
    inits,
    inputs: [
      { name: 'input_ids', elem: INT64, dims: ['batch', 'seq'] },
      { name: 'attention_mask', elem: INT64, dims: ['batch', 'seq'] },
    ],
    outputs: [{ name: OUTPUT, elem: FLOAT, dims: ['batch', H] }],
  });
}
