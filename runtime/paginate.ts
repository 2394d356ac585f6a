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
  // Links come in a response header, which the call does not return: the walk's own copy of the
  // metadata keeps each page's Link header as it reads the body.
  let link: string | null = null;
  const walked: OperationMeta =
    style.style === 'link-header'
      ? {
          ...meta,
          decodeBody: (data, response, signal) => {
            link = response.headers.get('link');
            return meta.decodeBody ? meta.decodeBody(data, response, signal) : Promise.resolve(data);
          },
        }
      : meta;
  return paginate(
    (params, signal) => {
      link = null;
      return client.call(walked, { ...base, params: { ...base.params, query: params } }, signal ? { ...callOptions, signal } : callOptions);
    },
    style,
    {
      linkHeader: () => link,
      params: { ...base.params?.query },
      ...(maxItems !== undefined ? { maxItems } : {}),
      ...(maxPages !== undefined ? { maxPages } : {}),
      ...(callOptions.signal ? { signal: callOptions.signal } : {}),
    },
  );
}
