// Prism 5.16 reads any request body that is not JSON, form, multipart (or, with our fixes, text/json
// or YAML) as text, so against an object or array schema it reports "Request body must be object"
// for whatever bytes are sent: an object schema under application/octet-stream (a converter's
// `type: object, format: file`), application/xml or text/plain. Found by the corpus Prism stage
// outside the test sample (azure.com cognitiveservices-ContentModerator, 8 operations; docker.com
// engine, apache.org qakka, googleapis.com media uploads). The harness's transport (recorder.ts)
// files that verdict as a note; the same violation under a JSON body, and any other body
// violation, still fail. Oracle: Prism on the harness document of a hand-made spec.
import { describe, expect, it } from 'vitest';
import { recordingFetch, type Exchange } from '../../contract/recorder.ts';
import { prismReadsAsText } from '../../contract/prism-body-media.ts';
import { harnessPrism, requestProblems } from './harness-prism.ts';

const object = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };
const document = {
  openapi: '3.0.3',
  info: { title: 'Document schemas under text media types', version: '1' },
  paths: {
    '/things': {
      post: {
        requestBody: { required: true, content: { 'application/octet-stream': { schema: object }, 'application/json': { schema: object } } },
        responses: { '204': { description: 'ok' } },
      },
    },
    '/lists': {
      post: {
        requestBody: { required: true, content: { 'application/xml': { schema: { type: 'array', items: { type: 'string' } } } } },
        responses: { '204': { description: 'ok' } },
      },
    },
    '/notes': {
      post: {
        requestBody: { required: true, content: { 'text/plain': { schema: { type: 'string', maxLength: 3 } } } },
        responses: { '204': { description: 'ok' } },
      },
    },
  },
};

const post = (url: string, contentType: string, body: string) => new Request(url, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('bodies Prism reads as text, in the contract harness', () => {
  const prism = harnessPrism('text-read-bodies', () => document);

  it('the premise: Prism flags a well-formed document sent under application/octet-stream', async () => {
    expect(await requestProblems(await fetch(post(`${prism.url}/things`, 'application/octet-stream', '{"name":"x"}')))).toEqual([expect.stringContaining('must be object')]);
  });

  it("Prism's object or array verdict on a text-read body is a note; JSON and other violations still fail", async () => {
    const exchanges: Exchange[] = [];
    const send = recordingFetch(exchanges);
    await send(post(`${prism.url}/things`, 'application/octet-stream', '{"name":"x"}'));
    await send(post(`${prism.url}/lists`, 'application/xml', '<l><i>a</i></l>'));
    await send(post(`${prism.url}/things`, 'application/json', '"x"'));
    await send(post(`${prism.url}/things`, 'application/json', '{}'));
    await send(post(`${prism.url}/notes`, 'text/plain', 'too long'));
    // Prism answers such a request with its own 422 (no error response declared): a note too.
    expect(exchanges[0]).toMatchObject({ problems: [], notes: expect.arrayContaining([expect.stringMatching(/^Prism reads a application\/octet-stream body as text: body: .*must be object/)]) });
    expect(exchanges[1]).toMatchObject({ problems: [], notes: expect.arrayContaining([expect.stringMatching(/^Prism reads a application\/xml body as text: body: .*must be array/)]) });
    expect(exchanges[2]!.problems).toEqual([expect.stringContaining('must be object')]);
    expect(exchanges[3]!.problems).toEqual([expect.stringContaining("required property 'name'")]);
    expect(exchanges[4]!.problems).toEqual([expect.stringContaining('must NOT have more than 3 characters')]);
  });

  it('names the media types Prism reads as documents', () => {
    for (const type of ['application/json', 'application/merge-patch+json; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/json', 'application/x-yaml']) expect(prismReadsAsText(type)).toBe(false);
    for (const type of ['application/octet-stream', 'application/xml', 'text/plain', 'image/png', 'application/jsonl']) expect(prismReadsAsText(type)).toBe(true);
  });
});
