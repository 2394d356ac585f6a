// OpenAPI 3.0 and 3.1 both say the Responses Object MUST contain at least one response code; only
// 3.0 makes an operation's `responses` REQUIRED. So an empty (or extensions-only) Responses Object
// is refused in either version, and a 3.1 operation may still leave the field out.
import { afterEach, describe, expect, it } from 'vitest';
import { inputError } from './expect-input-error.ts';
import { oneSpecLoader } from './temp-project.ts';

const loader = oneSpecLoader();
afterEach(() => loader.cleanup());

const doc = (version: string, operation: Record<string, unknown>) => ({ openapi: version, info: { title: 't', version: '1' }, paths: { '/a': { get: { operationId: 'a', ...operation } } } });

describe('an operation whose responses hold no response code', () => {
  for (const [version, format] of [['3.0.3', 'openapi-3.0'], ['3.1.0', 'openapi-3.1']] as const) {
    it(`is refused in OpenAPI ${version} when written empty`, async () => {
      const error = await inputError(loader.load(doc(version, { responses: {} }), format));
      expect(error.pointer).toBe('/paths/~1a/get');
      expect(error.message).toContain(`GET /a has no responses (OpenAPI ${version.slice(0, 3)} requires at least one response code or \`default\``);
    });

    it(`is refused in OpenAPI ${version} when it holds only extensions`, async () => {
      const error = await inputError(loader.load(doc(version, { responses: { 'x-note': 'none yet' } }), format));
      expect(error.message).toContain('GET /a has no responses');
    });

    it(`is accepted in OpenAPI ${version} with only \`default\``, async () => {
      const loaded = await loader.load(doc(version, { responses: { default: { description: 'any' } } }), format);
      expect(Object.keys(loaded.document.paths)).toEqual(['/a']);
    });
  }

  it('is accepted in OpenAPI 3.1 when `responses` is left out, which 3.1 allows', async () => {
    const loaded = await loader.load(doc('3.1.0', {}), 'openapi-3.1');
    expect(Object.keys(loaded.document.paths)).toEqual(['/a']);
  });

  it('is refused in OpenAPI 3.0 when `responses` is left out, which 3.0 requires', async () => {
    const error = await inputError(loader.load(doc('3.0.3', {}), 'openapi-3.0'));
    expect(error.message).toContain('GET /a has no responses');
  });
});
