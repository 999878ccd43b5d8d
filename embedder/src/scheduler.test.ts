import { describe, expect, it } from 'vitest';
import { QueueFullError, Scheduler } from './scheduler.ts';

/** A model that records what it ran and finishes each run when told to. */
function gatedModel() {
  const ran: string[][] = [];
  const gates: (() => void)[] = [];
  const run = (texts: string[]) => {
    ran.push(texts);
    return new Promise<Float32Array[]>((resolve) => gates.push(() => resolve(texts.map((t) => Float32Array.of(t.length)))));
  };
  const release = async () => {
    gates.shift()?.();
    await new Promise((r) => setTimeout(r, 5));
  };
  return { ran, run, release };
}

describe('Scheduler', () => {
  it('runs one job at a time and answers each with its own vectors', async () => {
    const model = gatedModel();
    const scheduler = new Scheduler(model.run, 10);
    const first = scheduler.embed(['a', 'bb']);
    const second = scheduler.embed(['ccc', 'dddd']);
    expect(model.ran).toHaveLength(1);
    await model.release();
    expect(await first).toEqual([Float32Array.of(1), Float32Array.of(2)]);
    await model.release();
    expect(await second).toEqual([Float32Array.of(3), Float32Array.of(4)]);
  });

  it('runs a waiting query (one text) before waiting document batches', async () => {
    const model = gatedModel();
    const scheduler = new Scheduler(model.run, 10);
    const jobs = [scheduler.embed(['doc 1', 'doc 2']), scheduler.embed(['doc 3', 'doc 4']), scheduler.embed(['query'])];
    for (let i = 0; i < 3; i++) await model.release();
    await Promise.all(jobs);
    expect(model.ran).toEqual([['doc 1', 'doc 2'], ['query'], ['doc 3', 'doc 4']]);
  });

  it('refuses a job when the queue is full, and drops a job whose caller went away', async () => {
    const model = gatedModel();
    const scheduler = new Scheduler(model.run, 2);
    const running = scheduler.embed(['running', 'now']);
    const gone = new AbortController();
    const abandoned = scheduler.embed(['abandoned', 'batch'], gone.signal);
    const kept = scheduler.embed(['kept', 'batch']);
    await expect(scheduler.embed(['one too many'])).rejects.toBeInstanceOf(QueueFullError);
    const dropped = expect(abandoned).rejects.toThrow('client closed');
    gone.abort(new Error('client closed'));
    await model.release();
    await running;
    await dropped;
    await model.release();
    await kept;
    expect(model.ran).toEqual([
      ['running', 'now'],
      ['kept', 'batch'],
    ]);
  });

  it('passes a failing run to its caller and keeps serving', async () => {
    let calls = 0;
    const scheduler = new Scheduler(async (texts) => {
      calls++;
      if (calls === 1) throw new Error('onnxruntime failed');
      return texts.map(() => Float32Array.of(1));
    }, 5);
    await expect(scheduler.embed(['x'])).rejects.toThrow('onnxruntime failed');
    expect(await scheduler.embed(['y'])).toEqual([Float32Array.of(1)]);
  });
});
