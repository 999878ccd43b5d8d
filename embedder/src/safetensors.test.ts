import { describe, expect, it } from 'vitest';
import { halfToFloat, readSafetensors } from './safetensors.ts';

/** A safetensors file holding the given tensors, written as the format says. */
function file(tensors: Record<string, { dtype: string; shape: number[]; bytes: Buffer }>): Buffer {
  let offset = 0;
  const header: Record<string, unknown> = { __metadata__: { format: 'pt' } };
  for (const [name, t] of Object.entries(tensors)) {
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.bytes.length] };
    offset += t.bytes.length;
  }
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([length, json, ...Object.values(tensors).map((t) => t.bytes)]);
}

const halves = (...bits: number[]) => Buffer.from(Uint16Array.from(bits).buffer);

describe('halfToFloat', () => {
  it('decodes normal, subnormal and special half-precision values', () => {
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0xc000)).toBe(-2);
    expect(halfToFloat(0x3555)).toBeCloseTo(0.33325, 5);
    expect(halfToFloat(0x0001)).toBe(2 ** -24);
    expect(halfToFloat(0x7c00)).toBe(Number.POSITIVE_INFINITY);
    expect(halfToFloat(0x7e00)).toBeNaN();
  });
});

describe('readSafetensors', () => {
  it('widens F16 tensors, copies F32 ones and skips other types', () => {
    const weights = readSafetensors(
      file({
        half: { dtype: 'F16', shape: [2], bytes: halves(0x3c00, 0xc000) },
        single: { dtype: 'F32', shape: [1, 2], bytes: Buffer.from(Float32Array.of(0.5, -3.25).buffer) },
        ids: { dtype: 'I64', shape: [1], bytes: Buffer.alloc(8) },
      }),
    );
    expect(weights.get('half')).toEqual({ shape: [2], data: Float32Array.of(1, -2) });
    expect(weights.get('single')).toEqual({ shape: [1, 2], data: Float32Array.of(0.5, -3.25) });
    expect(weights.has('ids')).toBe(false);
    expect(weights.has('__metadata__')).toBe(false);
  });
});
