import http from 'node:http';

/** One call the fake site's build hook received, and what it answered. */
export type HookCall = { authorization: string | undefined; body: string; status: number };

export type FakeSite = {
  /** The build-hook URL to give search-sync. */
  url: string;
  calls: HookCall[];
  /** Calls answered with 2xx. */
  answered(): HookCall[];
  /** Sets the status later calls get (202 until told otherwise). */
  answer(status: number): void;
  close(): Promise<void>;
};

/** A stand-in for the site's build hook on a random port: records every call and answers a chosen status. */
export async function startFakeSite(): Promise<FakeSite> {
  const calls: HookCall[] = [];
  let status = 202;
  const server = http.createServer((req, res) => {
    // The answer is the one set when the call arrived: a call search-sync aborted while stopping can
    // finish arriving after a test changed the answer, and must not count as answered then.
    const answer = status;
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      calls.push({ authorization: req.headers.authorization, body, status: answer });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/__hooks/build`,
    calls,
    answered: () => calls.filter((c) => c.status < 300),
    answer: (next) => {
      status = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
