// A multi-file vendor (one spec file per product) on three tiny product files.
import { afterEach, describe, expect, it } from 'vitest';
import { loadVendor } from '../../../generator/load/index.ts';
import type { LoadedVendor } from '../../../generator/load/index.ts';
import { inputError } from './expect-input-error.ts';
import { fixture, tempProject } from './temp-project.ts';
import type { SpecFile, TempProject } from './temp-project.ts';

const PRODUCT_FILES = ['acme_mail_v1.json', 'acme_alerts_v1.json', 'acme_users_v1.json'];

let projects: TempProject[] = [];
afterEach(async () => {
  await Promise.all(projects.map((project) => project.cleanup()));
  projects = [];
});

async function load(order: string[], edit?: (name: string, document: Record<string, any>) => void): Promise<LoadedVendor> {
  const files: SpecFile[] = [];
  for (const name of order) {
    const document = JSON.parse(await fixture(`products/${name}`));
    edit?.(name, document);
    files.push({ path: `acme/${name}`, content: JSON.stringify(document) });
  }
  const project = await tempProject({ acme: { format: 'openapi-3.1', files } });
  projects.push(project);
  return loadVendor('acme', { root: project.root, mirror: project.mirror, download: false });
}

function operations(document: Record<string, any>): Record<string, any> {
  const found: Record<string, any> = {};
  for (const [path, item] of Object.entries(document.paths as Record<string, any>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) found[`${method.toUpperCase()} ${path}`] = operation;
    }
  }
  return found;
}

describe('merging a multi-file vendor', () => {
  it('keeps shared identical components once and namespaces the differing ones by product', async () => {
    const loaded = await load(PRODUCT_FILES);
    const schemas = loaded.document.components.schemas;
    expect(Object.keys(schemas).sort()).toEqual(['ErrorResponse', 'Kind', 'Type', 'UsersErrorResponse', 'UsersKind', 'UsersType']);
    expect(schemas.Kind.enum).toEqual(['a', 'b']);
    expect(schemas.UsersKind.enum).toEqual(['admin', 'member']);
    // Type's text is identical in all three files, but Users' Type refers to a different Kind.
    expect(schemas.UsersType.properties.kind.$ref).toBe('#/components/schemas/UsersKind');
    expect(schemas.Type.properties.kind.$ref).toBe('#/components/schemas/Kind');
    expect(loaded.componentRenames).toEqual([
      { from: 'schemas/ErrorResponse', to: 'schemas/UsersErrorResponse', file: 'acme/acme_users_v1.json' },
      { from: 'schemas/Kind', to: 'schemas/UsersKind', file: 'acme/acme_users_v1.json' },
      { from: 'schemas/Type', to: 'schemas/UsersType', file: 'acme/acme_users_v1.json' },
    ]);
    const getUser = operations(loaded.document)['GET /v1/users/{user_id}'];
    expect(getUser.responses['404'].content['application/json'].schema.$ref).toBe('#/components/schemas/UsersErrorResponse');
    expect(getUser.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/UsersType');
    expect(loaded.document.components.securitySchemes).toEqual({ BearerAuth: { type: 'http', scheme: 'bearer' } });
  });

  it('prefixes every occurrence of a colliding operationId with its product and tags operations', async () => {
    const loaded = await load(PRODUCT_FILES);
    const ops = operations(loaded.document);
    expect(ops['GET /v1/mail/things'].operationId).toBe('MailListThing');
    expect(ops['GET /v1/alerts'].operationId).toBe('AlertsListThing');
    expect(ops['GET /v1/users/{user_id}'].operationId).toBe('GetUser');
    expect(ops['POST /v1/mail/send']['x-svcgen-product']).toBe('mail');
    expect(ops['GET /v1/alerts']['x-svcgen-product']).toBe('alerts');
    expect(ops['GET /v1/users/{user_id}']['x-svcgen-product']).toBe('users');
    expect(loaded.renamed.map(({ from, to, operation }) => ({ from, to, operation }))).toEqual([
      { from: 'ListThing', to: 'AlertsListThing', operation: 'GET /v1/alerts' },
      { from: 'ListThing', to: 'MailListThing', operation: 'GET /v1/mail/things' },
    ]);
    expect(loaded.renamed[0]!.reason).toContain('alerts, mail');
  });

  it('merges servers, security and tags, and keeps a narrower server list on its own paths', async () => {
    const loaded = await load(PRODUCT_FILES);
    expect(loaded.document.servers.map((server: { url: string }) => server.url)).toEqual(['https://api.acme.test', 'https://api.eu.acme.test']);
    expect(loaded.document.security).toEqual([{ BearerAuth: [] }]);
    expect(loaded.document.tags.map((tag: { name: string }) => tag.name)).toEqual(['Mail', 'Alerts', 'Users']);
    expect(loaded.document.paths['/v1/users/{user_id}'].servers.map((server: { url: string }) => server.url)).toEqual(['https://api.acme.test']);
    expect(loaded.document.paths['/v1/alerts'].servers).toBeUndefined();
    expect(loaded.document['x-svcgen-products'].users).toEqual({ file: 'acme/acme_users_v1.json', title: 'Acme Users API' });
  });

  it('lists the path-level parameter it had to mark required', async () => {
    const loaded = await load(PRODUCT_FILES);
    expect(loaded.fixes).toEqual([
      {
        file: 'acme/acme_users_v1.json',
        pointer: '/paths/~1v1~1users~1{user_id}/parameters/0/required',
        fix: expect.stringContaining("path parameter 'user_id' was not marked required"),
      },
    ]);
    expect(loaded.document.paths['/v1/users/{user_id}'].parameters[0].required).toBe(true);
  });

  it('chooses the same names whatever the order of the files', async () => {
    const forward = await load(PRODUCT_FILES);
    const backward = await load([...PRODUCT_FILES].reverse());
    const ids = (loaded: LoadedVendor) => Object.fromEntries(Object.entries(operations(loaded.document)).map(([key, op]) => [key, op.operationId]));
    expect(ids(backward)).toEqual(ids(forward));
    expect(Object.keys(backward.document.components.schemas).sort()).toEqual(Object.keys(forward.document.components.schemas).sort());
    expect(backward.renamed).toEqual(forward.renamed);
    expect(backward.componentRenames).toEqual(forward.componentRenames);
  });

  it('merges an operation defined identically twice and rejects one defined differently', async () => {
    const copy = (name: string, document: Record<string, any>) => {
      if (name === 'acme_alerts_v1.json') document.paths['/v1/mail/send'] = JSON.parse(JSON.stringify({ post: { operationId: 'SendMail', tags: ['Mail'], responses: { '202': { description: 'accepted' }, '400': { $ref: '#/components/responses/BadRequest' } } } }));
      if (name === 'acme_alerts_v1.json') document.components.responses = { BadRequest: { description: 'bad request', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } } };
    };
    const same = await load(PRODUCT_FILES, copy);
    expect(Object.keys(same.document.paths)).toContain('/v1/mail/send');
    expect(same.renamed.some((rename) => rename.from === 'SendMail')).toBe(false);

    const differing = (name: string, document: Record<string, any>) => {
      if (name === 'acme_alerts_v1.json') document.paths['/v1/mail/send'] = { post: { operationId: 'SendAlertMail', responses: { '200': { description: 'sent' } } } };
    };
    const error = await inputError(load(PRODUCT_FILES, differing));
    expect(error.file).toBe('acme/acme_alerts_v1.json');
    expect(error.pointer).toBe('/paths/~1v1~1mail~1send/post');
    expect(error.message).toContain('acme/acme_mail_v1.json');
  });

  it('names the product file of a dangling $ref before merging', async () => {
    const error = await inputError(load(PRODUCT_FILES, (name, document) => {
      if (name === 'acme_users_v1.json') delete document.components.schemas.Kind;
    }));
    expect(error.file).toBe('acme/acme_users_v1.json');
    expect(error.pointer).toBe('/components/schemas/Type/properties/kind/$ref');
  });
});
