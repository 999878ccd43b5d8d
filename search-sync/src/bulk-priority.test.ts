import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { BULK_NICENESS, yieldToServices } from './bulk-priority.ts';
import { createLogger } from './logger.ts';

describe('yieldToServices', () => {
  // Vitest runs each test file in its own process, so lowering its priority affects nothing else.
  it('lowers the priority of this process to the bulk niceness, and never raises it', () => {
    yieldToServices(createLogger('silent'));
    expect(os.getPriority()).toBe(BULK_NICENESS);
    os.setPriority(BULK_NICENESS + 5);
    yieldToServices(createLogger('silent'));
    expect(os.getPriority()).toBe(BULK_NICENESS + 5);
  });
});
