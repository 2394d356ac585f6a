// encodeMultipart against stripe-node as the oracle: the parts of a file upload as the real SDK
// sends it (loopback capture). The generic multipart tests are in multipart.test.ts.
import { describe, expect, it } from 'vitest';
import { encodeMultipart } from '../../../runtime/encoding/multipart.ts';
import { partsOf, partsOfWire } from './multipart-parts.ts';
import { captureStripe } from './stripe-oracle.ts';

describe('encodeMultipart', () => {
  it('produces the same parts as stripe-node for a file upload (loopback capture)', async () => {
    const params = {
      purpose: 'dispute_evidence',
      file: { data: new Uint8Array([0, 255, 10, 13, 45, 45]), name: 'evidence.pdf', type: 'application/pdf' },
      file_link_data: { create: true, metadata: { case: 'c_1' } },
    };
    const [request] = await captureStripe((stripe) => stripe.files.create(params as never));
    const theirs = await partsOfWire(new Uint8Array(request!.body), request!.contentType!);
    expect(await partsOf(encodeMultipart(params))).toEqual(theirs);
  });
});
