// encodeMultipart against stripe-node as the oracle: the parts of a file upload as the real SDK
// sends it (loopback capture), with the part table the generator reads from Stripe's spec (its
// `encoding` declares deepObject, so nested fields keep bracket names). The generic multipart
// tests are in multipart.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadVendor } from '../../../generator/load/index.ts';
import { buildApiModel } from '../../../generator/model/index.ts';
import { encodeMultipart, type PartTable } from '../../../runtime/encoding/multipart.ts';
import { partHeadersOfWire, partsOfWire, readMultipart } from './multipart-parts.ts';
import { captureStripe } from './stripe-oracle.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('encodeMultipart', () => {
  let parts: PartTable | undefined;
  beforeAll(async () => {
    const model = buildApiModel(await loadVendor('stripe', { root: ROOT, download: false }));
    parts = model.operations.find((op) => op.id === 'PostFiles')?.requestBody?.parts;
  }, 120_000);

  it('reads deepObject for the nested fields of PostFiles from the spec', () => {
    expect(parts).toMatchObject({ file_link_data: 'deepObject', expand: 'deepObject' });
  });

  it('produces the same parts, with the same part headers, as stripe-node for a file upload (loopback capture)', async () => {
    const params = {
      purpose: 'dispute_evidence',
      file: { data: new Uint8Array([0, 255, 10, 13, 45, 45]), name: 'evidence.pdf', type: 'application/pdf' },
      file_link_data: { create: true, metadata: { case: 'c_1' } },
      expand: ['links'],
    };
    const [request] = await captureStripe((stripe) => stripe.files.create(params as never));
    const theirs = await partsOfWire(new Uint8Array(request!.body), request!.contentType!);
    const ours = await readMultipart(encodeMultipart(params, parts));
    expect(ours.parts).toEqual(theirs);
    expect(ours.headers).toEqual(partHeadersOfWire(new Uint8Array(request!.body).buffer, request!.contentType!).map((lines) => lines.join(' | ')));
    // Without the spec's table, OpenAPI's defaults would send file_link_data as one JSON part.
    expect((await readMultipart(encodeMultipart(params))).parts).not.toEqual(theirs);
  });
});
