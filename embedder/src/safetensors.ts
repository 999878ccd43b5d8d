/** A named weight: its shape and its values widened to 32-bit floats. */
export type Weight = { shape: number[]; data: Float32Array };

type Header = Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>;

/** An IEEE 754 half-precision value from its 16 bits. */
export function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/**
 * The F16 and F32 tensors of a safetensors file (an 8-byte little-endian header length, a JSON
 * header of name → dtype, shape and byte range, then the raw data), each as 32-bit floats.
 * @throws Error when the header is not valid JSON.
 */
export function readSafetensors(buf: Buffer): Map<string, Weight> {
  const headerLength = Number(buf.readBigUInt64LE(0));
  const header = JSON.parse(buf.subarray(8, 8 + headerLength).toString('utf8')) as Header;
  const base = 8 + headerLength;
  const weights = new Map<string, Weight>();
  for (const [name, meta] of Object.entries(header)) {
    if (name === '__metadata__' || (meta.dtype !== 'F16' && meta.dtype !== 'F32')) continue;
    const [from, to] = meta.data_offsets;
    const bytes = buf.subarray(base + from, base + to);
    const data = new Float32Array((to - from) / (meta.dtype === 'F16' ? 2 : 4));
    if (meta.dtype === 'F32') new Uint8Array(data.buffer).set(bytes);
    else for (let i = 0; i < data.length; i++) data[i] = halfToFloat(bytes[2 * i]! | (bytes[2 * i + 1]! << 8));
    weights.set(name, { shape: meta.shape, data });
  }
  return weights;
}
