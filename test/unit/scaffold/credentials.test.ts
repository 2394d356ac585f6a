// The bindings a scaffolded routes file reads its credentials from follow the spec's security
// scheme: the fixture vendor's spec is loaded once and its schemes replaced per case.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitClient } from '../../../generator/emit/client.ts';
import { loadVendor } from '../../../generator/load/index.ts';
import { buildApiModel } from '../../../generator/model/index.ts';
import type { ApiModel } from '../../../generator/model/types.ts';
import { credentialBindings, skeleton } from '../../../generator/scaffold/stubs.ts';
import { ROOT } from './acme-project.ts';

type Loaded = Awaited<ReturnType<typeof loadVendor>>;

let dir: string;
let loaded: Loaded;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'svcgen-credentials-'));
  cpSync(join(ROOT, 'test/fixtures/cli-project'), dir, { recursive: true });
  loaded = await loadVendor('acme', { root: dir, mirror: join(dir, 'mirror'), download: false });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture vendor with `schemes` as its only security schemes, all required, auth from the spec. */
function withSchemes(schemes: Record<string, unknown>): ApiModel {
  const document = structuredClone(loaded.document) as Record<string, any>;
  document['x-svcgen'] = { ...document['x-svcgen'], auth: { kind: 'spec' } };
  document['components'] = { ...document['components'], securitySchemes: schemes };
  document['security'] = [Object.fromEntries(Object.keys(schemes).map((name) => [name, []]))];
  return buildApiModel({ ...loaded, document });
}

describe('credentialBindings', () => {
  it('gives a basic-only spec USERNAME and PASSWORD bindings, which the client takes as options', () => {
    const model = withSchemes({ login: { type: 'http', scheme: 'basic' } });
    expect(credentialBindings(model)).toEqual([
      { name: 'username', binding: 'ACME_USERNAME' },
      { name: 'password', binding: 'ACME_PASSWORD' },
    ]);
    const client = emitClient(model);
    expect(client).toMatch(/\busername\?: string/);
    expect(client).toMatch(/\bpassword\?: string/);
    const text = skeleton(model, '../generated/acme');
    expect(text).toContain('  ACME_USERNAME: string;\n  ACME_PASSWORD: string;\n');
    expect(text).toContain('    username: c.env.ACME_USERNAME,\n    password: c.env.ACME_PASSWORD,\n');
    expect(text).not.toContain('API_KEY');
  });

  it('gives an oauth2-only spec CLIENT_ID and CLIENT_SECRET bindings', () => {
    const model = withSchemes({
      app: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.test/token', scopes: { read: 'read' } } } },
    });
    expect(credentialBindings(model)).toEqual([
      { name: 'clientId', binding: 'ACME_CLIENT_ID' },
      { name: 'clientSecret', binding: 'ACME_CLIENT_SECRET' },
    ]);
    const client = emitClient(model);
    expect(client).toMatch(/\bclientId\?: string/);
    expect(client).toMatch(/\bclientSecret\?: string/);
    expect(skeleton(model, '../generated/acme')).toContain('    clientId: c.env.ACME_CLIENT_ID,\n    clientSecret: c.env.ACME_CLIENT_SECRET,\n');
  });

  it('keeps API_KEY for an API-key or bearer scheme, and reads none for a spec with no scheme', () => {
    expect(credentialBindings(withSchemes({ key: { type: 'apiKey', in: 'header', name: 'X-Key' } }))).toEqual([{ name: 'apiKey', binding: 'ACME_API_KEY' }]);
    expect(credentialBindings(withSchemes({ token: { type: 'http', scheme: 'bearer' } }))).toEqual([{ name: 'apiKey', binding: 'ACME_API_KEY' }]);
    expect(credentialBindings(withSchemes({}))).toEqual([]);
  });
});
