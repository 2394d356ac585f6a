// The serializers must plug into a *typed* openapi-fetch client without casts, the way generated
// operations will use them. The `paths` type below is shaped like openapi-typescript output;
// `npx tsc -p tsconfig.json` fails if a serializer signature stops fitting.
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { FORM_CONTENT_TYPE, formBodySerializer } from '../../../runtime/encoding/form.ts';
import { MULTIPART_HEADERS, multipartBodySerializer } from '../../../runtime/encoding/multipart.ts';
import { serializePath } from '../../../runtime/encoding/path.ts';
import { createQuerySerializer, type QueryStyles } from '../../../runtime/encoding/query.ts';

interface paths {
  '/v1/customers/{customer}': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: {
        query?: { expand?: string[]; created?: { gte?: number; lt?: number } | number };
        header?: never;
        path: { customer: string };
        cookie?: never;
      };
      requestBody?: never;
      responses: { 200: { headers: { [name: string]: unknown }; content: { 'application/json': { id: string } } } };
    };
    post: {
      parameters: { query?: never; header?: never; path: { customer: string }; cookie?: never };
      requestBody?: {
        content: {
          'application/x-www-form-urlencoded': { metadata?: { [key: string]: string } | ''; expand?: string[] };
        };
      };
      responses: { 200: { headers: { [name: string]: unknown }; content: { 'application/json': { id: string } } } };
    };
  };
  '/v1/files': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { 'multipart/form-data': { file: string; purpose: string } } };
      responses: { 200: { headers: { [name: string]: unknown }; content: { 'application/json': { id: string } } } };
    };
  };
}

const retrieveStyles: QueryStyles = {
  expand: { style: 'deepObject', explode: true },
  created: { style: 'deepObject', explode: true },
};

describe('typed openapi-fetch client with the runtime serializers', () => {
  it('GET, POST form and POST multipart go out as intended', async () => {
    const seen: Request[] = [];
    const client = createClient<paths>({
      baseUrl: 'https://api.example.test',
      pathSerializer: serializePath,
      fetch: async (request) => {
        seen.push(request);
        return new Response('{"id":"cus_1"}', { headers: { 'content-type': 'application/json' } });
      },
    });

    const got = await client.GET('/v1/customers/{customer}', {
      params: { path: { customer: 'cus 1' }, query: { expand: ['default_source'], created: { gte: 1 } } },
      querySerializer: createQuerySerializer(retrieveStyles),
    });
    expect(got.data?.id).toBe('cus_1');

    await client.POST('/v1/customers/{customer}', {
      params: { path: { customer: 'cus_1' } },
      body: { metadata: { order: '42' }, expand: ['x'] },
      bodySerializer: formBodySerializer,
      headers: { 'Content-Type': FORM_CONTENT_TYPE },
    });

    await client.POST('/v1/files', {
      // Typed as the spec's `format: binary` string; a Blob is what actually travels.
      body: { file: 'placeholder', purpose: 'dispute_evidence' },
      bodySerializer: multipartBodySerializer,
      headers: MULTIPART_HEADERS,
    });

    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET https://api.example.test/v1/customers/cus%201?expand[0]=default_source&created[gte]=1',
      'POST https://api.example.test/v1/customers/cus_1',
      'POST https://api.example.test/v1/files',
    ]);
    expect(await seen[1]!.text()).toBe('metadata[order]=42&expand[0]=x');
    expect(seen[1]!.headers.get('content-type')).toBe(FORM_CONTENT_TYPE);
    expect(seen[2]!.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
  });
});
