// A header parameter named Content-Type is removed at load with a listed repair: OpenAPI says such
// a parameter SHALL be ignored, and the generated client let the caller's value replace the
// media type it writes for the body. Found by the corpus Prism stage on a real spec whose every
// operation declares required Content-Type (and Accept) header parameters: the client sent
// `Content-Type: sample` on its JSON bodies. Accept stays a parameter (the caller's choice of
// answer), as does any other header.
import { afterEach, describe, expect, it } from 'vitest';
import { OK, oneSpecLoader } from './temp-project.ts';

const spec = oneSpecLoader();
afterEach(() => spec.cleanup());

const string = { type: 'string' };

describe('Content-Type header parameters', () => {
  it('are removed from operations and path items, by name in any case and through $ref, and listed; Accept stays', async () => {
    const loaded = await spec.load({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/messages': {
          parameters: [{ $ref: '#/components/parameters/ContentType' }],
          post: {
            operationId: 'send',
            parameters: [
              { name: 'Accept', in: 'header', required: true, schema: string },
              { name: 'content-type', in: 'header', schema: string },
            ],
            requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
            responses: OK,
          },
        },
      },
      components: { parameters: { ContentType: { name: 'Content-Type', in: 'header', required: true, schema: string } } },
    });
    const item = loaded.document.paths['/messages'];
    expect(item.parameters).toEqual([]);
    expect(item.post.parameters).toEqual([{ name: 'Accept', in: 'header', required: true, schema: string }]);
    expect(loaded.document.components.parameters.ContentType.name).toBe('Content-Type');
    expect(loaded.fixes).toEqual([
      {
        file: 'acme/openapi.json',
        pointer: '/paths/~1messages/parameters/0',
        fix: "header parameter 'Content-Type' removed: OpenAPI ignores a Content-Type header parameter; the client sends the request body's media type; the spec marks it required",
      },
      {
        file: 'acme/openapi.json',
        pointer: '/paths/~1messages/post/parameters/1',
        fix: "header parameter 'content-type' removed: OpenAPI ignores a Content-Type header parameter; the client sends the request body's media type",
      },
    ]);
  });
});
