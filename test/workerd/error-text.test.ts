// The keeping of error texts inside workerd (runtime/encoding/error-text.ts): a generated client
// in a Worker hands openapi-fetch a new Response built from the one fetched, whose status, status
// text and headers must survive, so openapi-fetch's parsing yields the text as sent.
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { keepErrorText } from '../../runtime/encoding/error-text.ts';

/** What openapi-fetch hands over for an answer of `status`, `type` and `body` through keepErrorText. */
async function read(status: number, type: string, body: string) {
  const send = keepErrorText(async () => new Response(body, { status, statusText: 'Gone', headers: { 'content-type': type, 'x-request-id': 'r1' } }));
  const { error, response } = await createClient<any>({ baseUrl: 'https://api.test', fetch: send }).GET('/thing', {});
  return [error, response.status, response.statusText, response.headers.get('x-request-id')];
}

describe('keepErrorText in workerd', () => {
  it('hands on the exact text of an error labelled not JSON, status and headers kept', async () => {
    expect(await read(410, 'text/plain', '404')).toEqual(['404', 410, 'Gone', 'r1']);
    expect(await read(500, 'text/html; charset=utf-8', 'true')).toEqual(['true', 500, 'Gone', 'r1']);
  });

  it('leaves JSON, a text holding a JSON object, and an empty body to openapi-fetch', async () => {
    expect(await read(410, 'application/json', '404')).toEqual([404, 410, 'Gone', 'r1']);
    expect(await read(410, 'text/plain', '{"message":"gone"}')).toEqual([{ message: 'gone' }, 410, 'Gone', 'r1']);
    expect(await read(410, 'text/plain', '')).toEqual(['', 410, 'Gone', 'r1']);
  });
});
