import fs from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; tests and benches never download a browser. */
const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a sandbox without network: without the background-networking ones Chromium keeps
 * trying to reach Google's hosts, and the closed network refuses those connections.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Headless system Chromium (`CHROMIUM_PATH`, default /usr/bin/chromium); `extraArgs` add to the sandbox flags. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: EXECUTABLE, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * axe-core violations on the page as it is now, one line each (rule id and the elements). axe is
 * evaluated through the DevTools protocol, which no Content-Security-Policy of the page refuses
 * (a script tag would be).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } })
      .axe;
    return (await axe.run()).violations;
  });
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/**
 * Collects every Content-Security-Policy violation reported in any page or frame of `context`
 * (the `securitypolicyviolation` event) into `violations`, one line each naming the frame, the
 * directive and what it refused, as they happen; returns `violations`.
 */
export async function watchCspViolations(context: BrowserContext, violations: string[] = []): Promise<string[]> {
  await context.exposeBinding('reportCspViolation', (source, line: string) => void violations.push(`${source.frame.url()}: ${line}`));
  await context.addInitScript(() => {
    type Violation = { effectiveDirective: string; blockedURI: string; sourceFile: string; lineNumber: number };
    const page = globalThis as unknown as {
      reportCspViolation(line: string): void;
      document: { addEventListener(type: 'securitypolicyviolation', listener: (e: Violation) => void): void };
    };
    page.document.addEventListener('securitypolicyviolation', (e) =>
      page.reportCspViolation(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  return violations;
}
