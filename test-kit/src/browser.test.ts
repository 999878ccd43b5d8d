import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { launchChromium, watchCspViolations } from './browser.ts';

describe('watchCspViolations (Chromium)', () => {
  // Launching Chromium alone can outlast vitest's default 5 s on a busy machine.
  it('reports what a page and its frames were refused, and nothing where nothing was', { timeout: 60_000 }, async () => {
    const server = http.createServer((req, res) => {
      const strict = req.url !== '/plain';
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        ...(strict ? { 'content-security-policy': "script-src 'self'" } : {}),
      });
      if (req.url === '/plain') res.end('<!doctype html><title>Plain</title><script>0</script>');
      else if (req.url === '/frame') res.end('<!doctype html><title>Frame</title><script>1</script>');
      else res.end('<!doctype html><title>Top</title><script>2</script><iframe src="/frame"></iframe>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await launchChromium();
    try {
      const context = await browser.newContext();
      const violations = await watchCspViolations(context);
      const page = await context.newPage();
      await page.goto(`${base}/plain`);
      expect(violations).toEqual([]);
      await page.goto(`${base}/top`);
      await expect.poll(() => violations.length).toBe(2);
      expect(violations.map((v) => v.split(': ')[0]).sort()).toEqual([`${base}/frame`, `${base}/top`]);
      expect(violations[0]).toContain('script-src-elem refused inline');
    } finally {
      await browser.close();
      server.close();
    }
  });
});
