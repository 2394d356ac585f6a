import { describe, expect, it } from 'vitest';
import { dedupeOperationIds, derivedName } from '../../../generator/load/dedupe-operation-ids.ts';

const where = (pointer: string) => ({ file: 'spec.json', pointer });
const op = (operationId?: string) => ({ ...(operationId === undefined ? {} : { operationId }), responses: { '200': { description: 'ok' } } });

describe('operationId deduplication', () => {
  it('renames each member of a group by the segments that distinguish it, whatever the order', () => {
    const paths = {
      '/api/v1/psp_settlement_intents/{id}/cancel': { post: op('cancelUsingPOST') },
      '/api/v1/subscriptions/{id}/cancel': { post: op('cancelUsingPOST') },
      '/api/v1/simulation/linked_accounts/{linked_account_id}/mandate/cancel': { post: op('cancelUsingPOST') },
      '/api/v1/other': { get: op('other') },
    };
    const forward = { paths: structuredClone(paths) };
    const reversed = { paths: Object.fromEntries(Object.entries(structuredClone(paths)).reverse()) };
    const renamedForward = dedupeOperationIds(forward, where);
    const renamedReversed = dedupeOperationIds(reversed, where);
    const ids = (document: { paths: Record<string, any> }) => Object.fromEntries(Object.entries(document.paths).map(([key, item]) => [key, (Object.values(item)[0] as { operationId: string }).operationId]));
    expect(ids(forward)).toEqual({
      '/api/v1/psp_settlement_intents/{id}/cancel': 'cancelUsingPOST_PspSettlementIntents',
      '/api/v1/subscriptions/{id}/cancel': 'cancelUsingPOST_Subscriptions',
      '/api/v1/simulation/linked_accounts/{linked_account_id}/mandate/cancel': 'cancelUsingPOST_SimulationLinkedAccountsMandate',
      '/api/v1/other': 'other',
    });
    expect(ids(reversed)).toEqual(ids(forward));
    expect(new Set(renamedReversed.map((rename) => rename.to))).toEqual(new Set(renamedForward.map((rename) => rename.to)));
    expect(renamedForward).toHaveLength(3);
  });

  it('treats ids that camel-case alike as duplicates and falls back to parameters and methods', () => {
    const document = {
      paths: {
        '/things/{a}': { get: op('getThing') },
        '/things/{b}': { get: op('get_thing') },
        '/items': { get: op('list'), post: op('list') },
      },
    };
    dedupeOperationIds(document, where);
    expect(document.paths['/things/{a}'].get.operationId).toBe('getThing_ByA');
    expect(document.paths['/things/{b}'].get.operationId).toBe('get_thing_ByB');
    expect(document.paths['/items'].get.operationId).toBe('list_GetItems');
    expect(document.paths['/items'].post.operationId).toBe('list_PostItems');
  });

  it('derives names for operations without a usable id, and avoids taken names', () => {
    const document = { paths: { '/v1/charges/{charge}': { get: op(), delete: op('123') }, '/other': { get: op('getV1ChargesCharge') } } };
    const renamed = dedupeOperationIds(document, where);
    const ids = [document.paths['/v1/charges/{charge}'].get.operationId, document.paths['/v1/charges/{charge}'].delete.operationId, document.paths['/other'].get.operationId];
    expect(new Set(ids).size).toBe(3);
    expect(document.paths['/v1/charges/{charge}'].delete.operationId).toBe('deleteV1ChargesCharge');
    expect(renamed.find((rename) => rename.operation === 'DELETE /v1/charges/{charge}')).toMatchObject({ from: '123' });
    expect(renamed.find((rename) => rename.operation === 'GET /v1/charges/{charge}')?.from).toBe('');
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
    expect(derivedName('get', '/')).toBe('getRoot');
  });
});
