import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type WebhookCall = {
  authorization: string | undefined;
  body: { event: string; model: string; entry: { documentId?: string } | null };
};

export type WebhookReceiver = {
  /** Where the CMS should send its webhook. */
  url: string;
  /** Every call received so far, oldest first. */
  calls: WebhookCall[];
  close(): void;
};

/** An HTTP endpoint that records the CMS's webhook calls and answers 202, as search-sync does. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const calls: WebhookCall[] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      calls.push({ authorization: req.headers.authorization, body: JSON.parse(data) });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/webhooks/strapi`, calls, close: () => server.close() };
}
