// JSON request bodies under a media type other than plain application/json are written as JSON
// and sent under the spec's media type; a media type's parameters (`; charset=utf-8`) and the
// older `text/json` name do not make a JSON body anything else. Found by the corpus Prism stage
// (a real spec whose body is `text/json` only); the client sent `application/json`, or with
// `; charset=utf-8` classified the body as binary. The fixture
// (test/fixtures/json-media-types/openapi.json) is hand-made; each test reads the request as it
// left the generated client, and the success answer as the client parsed it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyMediaType } from '../../../generator/model/operations.ts';
import { fixtureVendor } from './sent-request.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/json-media-types/openapi.json', import.meta.url));

const fixture = fixtureVendor('json-media-types', 'jsontypes', 'JsonTypes', FIXTURE);

const article = { title: 'Über', tags: ['a', 'b'] };

describe('JSON media types', () => {
  it('classifyMediaType reads the type without its parameters, and text/json as JSON', () => {
    expect(classifyMediaType('application/json; charset=utf-8')).toBe('json');
    expect(classifyMediaType('Application/JSON;version=2018-01-01')).toBe('json');
    expect(classifyMediaType('text/json')).toBe('json');
    expect(classifyMediaType('application/vnd.api+json')).toBe('json');
    expect(classifyMediaType('text/plain; charset=utf-8')).toBe('text');
    expect(classifyMediaType('multipart/form-data; boundary=x')).toBe('multipart');
    expect(classifyMediaType('application/x-www-form-urlencoded; charset=utf-8')).toBe('form');
    // A range names no encoding: `*/*` is not JSON (a body under it is classified by its schema).
    expect(classifyMediaType('*/*')).toBe('binary');
  });

  it.each([
    ['/articles', 'application/vnd.api+json'],
    ['/charset', 'application/json; charset=utf-8'],
    ['/legacy', 'text/json'],
    ['/plain', 'application/json'],
    // Listed after application/json-patch+json (as converted specs do): plain JSON is chosen.
    ['/converted', 'application/json'],
  ])('POST %s: the body as JSON text, sent as %s', async (path, contentType) => {
    const sent = await fixture.send(path, article);
    expect(sent.contentType).toBe(contentType);
    expect(JSON.parse(sent.text)).toEqual(article);
  });

  it('plain application/json keeps openapi-fetch’s own serializer: no encoder in its metadata', () => {
    const js = readFileSync(`${fixture.root}/generated/jsontypes/operations.js`, 'utf8');
    const plainMeta = /plainJsonMeta = \{[^\n]*\};/.exec(js)?.[0];
    expect(plainMeta).toBeDefined();
    expect(plainMeta).not.toContain('encodeBody');
    expect(js).toContain("encodeBody: /* @__PURE__ */ $jsonBody('text/json')");
  });
});
