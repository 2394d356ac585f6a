// Path keys with a query string (`/search?query={query}`): moved into the declared query
// parameters as a listed repair, or refused with the place when they cannot be.
import { afterEach, describe, expect, it } from 'vitest';
import { loadVendor } from '../../../generator/load/index.ts';
import { inputError } from './expect-input-error.ts';
import { OK, tempProject } from './temp-project.ts';
import type { TempProject } from './temp-project.ts';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

async function load(paths: Record<string, unknown>, parameters: Record<string, unknown> = {}) {
  const spec = JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths, components: { parameters } });
  project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: spec }] } });
  return loadVendor('acme', { root: project.root, mirror: project.mirror, download: false });
}

const string = { type: 'string' };

describe('query strings in path keys', () => {
  it('moves ?name={name} out of the path when the operation declares it in: query, and lists the repair', async () => {
    const loaded = await load({
      '/search/articles?query={query}': { get: { operationId: 'searchArticles', parameters: [{ name: 'query', in: 'query', required: true, schema: string }], responses: OK } },
      '/articles/{id}': { get: { operationId: 'getArticle', parameters: [{ name: 'id', in: 'path', required: true, schema: string }], responses: OK } },
    });
    expect(Object.keys(loaded.document.paths)).toEqual(['/search/articles', '/articles/{id}']);
    expect(loaded.document.paths['/search/articles'].get.parameters).toEqual([{ name: 'query', in: 'query', required: true, schema: string }]);
    expect(loaded.fixes).toEqual([
      { file: 'acme/openapi.json', pointer: '/paths/~1search~1articles?query={query}', fix: "query string '?query={query}' moved out of the path, now '/search/articles'" },
    ]);
  });

  it('makes a parameter declared in: path a query parameter under the name the query string gives, copying a shared component', async () => {
    const page = { name: 'page', in: 'query', schema: string };
    const loaded = await load(
      {
        '/contacts/{country}/?q={query}&page={page}': {
          parameters: [{ $ref: '#/components/parameters/query' }],
          get: { operationId: 'searchContacts', parameters: [{ name: 'country', in: 'path', required: true, schema: string }, page], responses: OK },
          delete: { operationId: 'deleteContacts', parameters: [{ name: 'country', in: 'path', required: true, schema: string }, page], responses: OK },
        },
        '/things/{query}': { get: { operationId: 'getThing', parameters: [{ $ref: '#/components/parameters/query' }], responses: OK } },
      },
      { query: { name: 'query', in: 'path', required: true, schema: string } },
    );
    const item = loaded.document.paths['/contacts/{country}/'];
    expect(item.parameters).toEqual([{ name: 'q', in: 'query', required: true, schema: string }]);
    expect(loaded.document.components.parameters.query).toEqual({ name: 'query', in: 'path', required: true, schema: string });
    expect(loaded.document.paths['/things/{query}'].get.parameters).toEqual([{ $ref: '#/components/parameters/query' }]);
    expect(loaded.fixes.map((f) => f.fix)).toEqual([
      "query string '?q={query}&page={page}' moved out of the path, now '/contacts/{country}/'; GET parameter 'query' (declared in: path) is now query parameter 'q'",
    ]);
  });

  it('leaves a constant query string, or variables every operation declares in: path, as the spec writes them', async () => {
    const loaded = await load({
      '/rest?method=favorites.getContext': { get: { operationId: 'getContext', responses: OK } },
      '/rest?method=favorites.list': { get: { operationId: 'listFavorites', responses: OK } },
      '/air?city_id={city_id}': { get: { operationId: 'airByCity', parameters: [{ name: 'city_id', in: 'path', required: true, schema: string }], responses: OK } },
      '/air': { get: { operationId: 'air', responses: OK } },
    });
    expect(Object.keys(loaded.document.paths)).toEqual(['/rest?method=favorites.getContext', '/rest?method=favorites.list', '/air?city_id={city_id}', '/air']);
    expect(loaded.fixes).toEqual([]);
  });

  it('drops the pairs for an operation of the path that does not declare them, and says so', async () => {
    const paging = [{ name: 'page', in: 'query', schema: string }, { name: 'per_page', in: 'query', schema: string }];
    const loaded = await load({
      '/rides?page={page}&per_page={per_page}': { get: { operationId: 'listRides', parameters: paging, responses: OK }, post: { operationId: 'createRide', responses: OK } },
    });
    expect(loaded.document.paths['/rides'].get.parameters).toEqual(paging);
    expect(loaded.document.paths['/rides'].post.parameters).toBeUndefined();
    expect(loaded.fixes.map((f) => f.fix)).toEqual([
      "query string '?page={page}&per_page={per_page}' moved out of the path, now '/rides'; dropped for POST, which does not declare 'page'; dropped for POST, which does not declare 'per_page'",
    ]);
  });

  it('declares a query-string variable no operation of the path declares as an optional text query parameter of the path, and says so', async () => {
    // clicksend.com's `POST /uploads?convert={convert}` declares no `convert`; its API takes one.
    const loaded = await load({
      '/uploads?convert={convert}&to={target}': {
        post: { operationId: 'upload', parameters: [{ name: 'target', in: 'path', required: true, schema: string }], responses: OK },
        put: { operationId: 'replaceUpload', responses: OK },
      },
    });
    const item = loaded.document.paths['/uploads'];
    expect(item.parameters).toEqual([{ name: 'convert', in: 'query', schema: { type: 'string' } }]);
    expect(item.post.parameters).toEqual([{ name: 'to', in: 'query', required: true, schema: string }]);
    expect(item.put.parameters).toBeUndefined();
    expect(loaded.fixes.map((f) => f.fix)).toEqual([
      "query string '?convert={convert}&to={target}' moved out of the path, now '/uploads'; 'convert={convert}' names no parameter of the path's operations: declared an optional text query parameter 'convert' (the spec gives neither its type nor whether it is required); POST parameter 'target' (declared in: path) is now query parameter 'to'; dropped for PUT, which does not declare 'target'",
    ]);
  });

  it('refuses a pair that is not name={parameter}, and a path that exists without its query string', async () => {
    let error = await inputError(load({ '/numbers/{country}?{search}=1': { get: { operationId: 'numbers', parameters: [{ name: 'country', in: 'path', required: true, schema: string }], responses: OK } } }));
    expect(error.pointer).toBe('/paths/~1numbers~1{country}?{search}=1');
    expect(error.problem).toMatch(/^the path has a query string, and '\{search\}=1' is not name=\{parameter\}/);
    error = await inputError(
      load({
        '/search': { get: { operationId: 'search', responses: OK } },
        '/search?q={q}': { get: { operationId: 'searchQ', parameters: [{ name: 'q', in: 'query', schema: string }], responses: OK } },
      }),
    );
    expect(error.pointer).toBe('/paths/~1search?q={q}');
    expect(error.problem).toMatch(/^the path has a query string, and without it the path '\/search' is already defined/);
  });
});
