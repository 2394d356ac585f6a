// A discriminator mapping entry that points at nothing is dropped and listed as a repair; a
// dangling $ref stays an error (see input-errors.test.ts).
import { afterEach, expect, it } from 'vitest';
import { loadVendor } from '../../../generator/load/index.ts';
import { OK, openapi, tempProject } from './temp-project.ts';
import type { TempProject } from './temp-project.ts';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

it('drops a mapping entry whose #/ target does not exist, keeps the others, and lists the repair', async () => {
  const schema = {
    anyOf: [{ $ref: '#/components/schemas/Assign' }, { $ref: '#/components/schemas/Unassign' }],
    discriminator: { propertyName: 'type', mapping: { assign: '#/ip_action_assign', unassign: '#/components/schemas/Unassign' } },
  };
  const spec = openapi(
    { '/ips': { post: { operationId: 'postIp', requestBody: { content: { 'application/json': { schema } } }, responses: OK } } },
    { Assign: { type: 'object', properties: { type: { type: 'string' } } }, Unassign: { type: 'object', properties: { type: { type: 'string' } } } },
  );
  project = await tempProject({ acme: { format: 'openapi-3.0', files: [{ path: 'acme/openapi.json', content: spec }] } });
  const loaded = await loadVendor('acme', { root: project.root, mirror: project.mirror, download: false });
  const mapping = loaded.document.paths['/ips'].post.requestBody.content['application/json'].schema.discriminator.mapping;
  expect(mapping).toEqual({ unassign: '#/components/schemas/Unassign' });
  expect(loaded.fixes).toEqual([
    {
      file: 'acme/openapi.json',
      pointer: '/paths/~1ips/post/requestBody/content/application~1json/schema/discriminator/mapping/assign',
      fix: "discriminator mapping 'assign' → '#/ip_action_assign' points at nothing in the document; entry dropped (the oneOf/anyOf still lists the alternatives)",
    },
  ]);
});
