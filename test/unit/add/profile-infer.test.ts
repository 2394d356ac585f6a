// Profile inference from a spec alone: identifiers from any title, servers made absolute (or a
// placeholder that cannot resolve, said so), idempotency only when the spec declares the header on
// unsafe methods, pagination only for shapes the paginator can follow; and the result always
// passes the profile schema the generator validates overlays with.
import { describe, expect, it } from 'vitest';
import { profileSchema } from '../../../generator/model/profile.ts';
import { displayNameFrom } from '../../../generator/profile-infer/display-name.ts';
import { inferProfile } from '../../../generator/profile-infer/index.ts';
import { inferServers, PLACEHOLDER_ORIGIN } from '../../../generator/profile-infer/servers.ts';
import { renderProfileOverlay } from '../../../generator/profile-infer/render.ts';

describe('displayName', () => {
  it.each([
    ['Acme Pay', 'AcmePay'],
    ['1Password Connect', 'Api1PasswordConnect'],
    ['Café — Crème API v2', 'CafeCremeAPIV2'],
    ['日本語のAPI', 'API'],
    ['', 'AcmeVendor'],
    ['!!!', 'AcmeVendor'],
  ])('%j → %s', (title, name) => {
    const got = displayNameFrom(title, 'acme-vendor');
    expect(got).toBe(name);
    expect(got).toMatch(/^[A-Z][A-Za-z0-9]*$/);
  });
});

describe('servers', () => {
  it('replaces variables with their defaults (or first enum value) and drops a trailing slash', () => {
    const doc = { openapi: '3.0.3', servers: [{ url: 'https://{region}.api.example.test/{v}/', variables: { region: { enum: ['eu', 'us'] }, v: { default: 'v2' } } }] };
    expect(inferServers(doc)).toEqual({ servers: [{ name: 'default', url: 'https://eu.api.example.test/v2' }] });
  });

  it('resolves a relative server against the download address, else uses a placeholder and says so', () => {
    const doc = { openapi: '3.0.3', servers: [{ url: '/api/v1' }] };
    expect(inferServers(doc, 'https://example.test/specs/openapi.json').servers[0]!.url).toBe('https://example.test/api/v1');
    const local = inferServers(doc);
    expect(local.servers[0]!.url).toBe(`${PLACEHOLDER_ORIGIN}/api/v1`);
    expect(local.note).toContain("'/api/v1'");
  });

  it('builds Swagger 2.0 servers from host, basePath and schemes (https preferred)', () => {
    expect(inferServers({ swagger: '2.0', host: 'api.example.test', basePath: '/v1', schemes: ['http', 'https'] }).servers[0]!.url).toBe('https://api.example.test/v1');
  });

  it('uses a placeholder when the spec names no server', () => {
    const none = inferServers({ openapi: '3.1.0' });
    expect(none.servers).toEqual([{ name: 'default', url: PLACEHOLDER_ORIGIN }]);
    expect(none.note).toContain('names no server');
  });
});

describe('inferProfile', () => {
  const doc = {
    openapi: '3.0.3',
    info: { title: 'Shop', version: '1' },
    servers: [{ url: 'https://shop.example.test' }],
    paths: {
      '/orders': {
        post: { parameters: [{ name: 'X-Idempotency-Key', in: 'header', schema: { type: 'string' } }], responses: { 201: { description: 'ok' } } },
        get: {
          parameters: [{ name: 'page', in: 'query', schema: { type: 'integer' } }, { name: 'per_page', in: 'query', schema: { type: 'integer' } }],
          responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: {} }, has_more: { type: 'boolean' } } } } } } },
        },
      },
      '/orders/{id}': { get: { parameters: [{ name: 'Idempotency-Key', in: 'header' }], responses: { 200: { description: 'ok' } } } },
    },
  };

  it('finds the idempotency header on unsafe methods only, and a page-number list', () => {
    const { profile } = inferProfile([doc], { vendor: 'shop' });
    expect(profile.idempotency).toEqual({ kind: 'header', name: 'X-Idempotency-Key', methods: ['post'], onlyWhereDeclared: true });
    expect(profile.pagination).toEqual([{ style: 'page-number', whenQuery: 'page', itemsField: 'items', hasMoreField: 'has_more', pageParam: 'page', firstPage: 1, sizeParam: 'per_page' }]);
  });

  it('passes the generator\'s profile schema, for this spec and for one with nothing to infer from', () => {
    expect(profileSchema.safeParse(inferProfile([doc], { vendor: 'shop' }).profile).success).toBe(true);
    const bare = inferProfile([{ openapi: '3.1.0', info: {} }], { vendor: 'bare' });
    expect(profileSchema.safeParse(bare.profile).success).toBe(true);
    expect(bare.profile.idempotency).toEqual({ kind: 'none' });
    expect(bare.notes.map((n) => n.key).sort()).toEqual(['auth', 'idempotency', 'pagination', 'policy', 'secretShapes', 'servers']);
  });

  it('infers no key formats from a spec, and says where to declare them', () => {
    const inferred = inferProfile([doc], { vendor: 'shop' });
    expect(inferred.profile).not.toHaveProperty('secretShapes');
    expect(renderProfileOverlay('shop', inferred)).toMatch(/# no key formats: .* under secretShapes, /);
  });

  it('says how to get verifiers when the spec lists webhooks, which never say how they are signed', () => {
    const withHooks = inferProfile([{ openapi: '3.1.0', info: {}, webhooks: { 'order.paid': { post: {} }, 'order.refunded': { post: {} } } }], { vendor: 'hooks' });
    const note = withHooks.notes.find((n) => n.key === 'webhooks');
    expect(note?.text).toMatch(/^the spec describes 2 webhook\(s\); .*x-svcgen-webhooks/);
    const rendered = renderProfileOverlay('hooks', withHooks);
    expect(rendered).toContain('# the spec describes 2 webhook(s)');
  });
});
