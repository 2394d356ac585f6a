// Paginated walks of a generated operation. Kept out of client.ts so a Worker that never pages
// does not bundle the pagination code.
import type { CallOptions, VendorClient } from './client.ts';
import type { OperationMeta } from './contract.ts';
import { paginate, type PaginationStyle, type Paginator } from './pagination.ts';
import type { PageLimits } from './types.ts';

export function paginateOperation(
  client: VendorClient,
  meta: OperationMeta,
  style: PaginationStyle,
  init: object,
  pageOptions?: CallOptions & PageLimits,
): Paginator<unknown, unknown> {
  const base = init as { params?: { query?: Record<string, unknown> } };
  const { maxItems, maxPages, ...callOptions } = pageOptions ?? {};
  return paginate(
    (params, signal) => client.call(meta, { ...base, params: { ...base.params, query: params } }, signal ? { ...callOptions, signal } : callOptions),
    style,
    {
      params: { ...base.params?.query },
      ...(maxItems !== undefined ? { maxItems } : {}),
      ...(maxPages !== undefined ? { maxPages } : {}),
      ...(callOptions.signal ? { signal: callOptions.signal } : {}),
    },
  );
}
