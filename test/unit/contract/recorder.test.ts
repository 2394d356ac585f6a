// How the contract harness's transport reads Prism's problem answers: the 422 body's validation
// list (input violations, located without the "request" prefix) fails the request; the 500 body
// Prism writes under --errors for its own mock response (violations located under "response")
// is a note, not a request problem. Found by the corpus Prism stage: a mock response missing a
// required property (a response schema the reduction kept whole) failed the operation as if
// the request were wrong. The answers are Prism's own shapes, served by a local server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingFetch, type Exchange } from '../../contract/recorder.ts';

const problem = (status: number, type: string, validation: object[]) => ({
  status,
  body: JSON.stringify({ type: `https://stoplight.io/prism/errors#${type}`, title: type, status, detail: '', validation }),
});

const answers: Record<string, { status: number; body: string }> = {
  '/input': problem(422, 'UNPROCESSABLE_ENTITY', [{ location: ['query'], severity: 'Error', code: 'required', message: "Request query must have required property 'q'" }]),
  '/mock': problem(500, 'VIOLATIONS', [{ location: ['response', 'body', 'data'], severity: 'Error', code: 'required', message: "Response body property data must have required property 'symbol'" }]),
};

describe('recordingFetch reading Prism problem answers', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const answer = answers[req.url ?? '']!;
      res.writeHead(answer.status, { 'content-type': 'application/problem+json' }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('a 422 input violation is a request problem; a 500 mock-response violation is a note', async () => {
    const exchanges: Exchange[] = [];
    const fetch = recordingFetch(exchanges);
    await fetch(new Request(`${base}/input`));
    await fetch(new Request(`${base}/mock`));
    expect(exchanges[0]!.problems).toEqual([expect.stringContaining("required property 'q'")]);
    expect(exchanges[1]!.problems).toEqual([]);
    expect(exchanges[1]!.notes).toEqual(["mock response: body.data: Response body property data must have required property 'symbol'", 'Prism VIOLATIONS (500)']);
  });
});
