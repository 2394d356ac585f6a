// Types the generated operation functions are written in: their input is openapi-fetch's request
// options for the operation (params by location, body), their output the success body.
import type { FetchResponse, ParamsOption, RequestBodyOption } from 'openapi-fetch';

/** Input of an operation: `{ params?: { path, query, header }, body? }`, required where the spec says. */
export type OperationInit<Op> = ParamsOption<Op> & RequestBodyOption<Op>;

type Responses<Op> = Op extends Record<string | number, any> ? Op : never;

type FetchedData<Op> = Exclude<Extract<FetchResponse<Responses<Op>, {}, `${string}/${string}`>, { error?: never }>['data'], undefined>;

/**
 * A `Blob` as openapi-fetch's response types leave it: they map every property of a body type
 * (to drop write-only ones), and a mapped method is `{}`, so what remains is no Blob.
 */
type MappedBlob = FetchedData<{ responses: { 200: { headers: {}; content: { 'application/octet-stream': Blob } } } }>;

/** Each member of `T` that is exactly a mapped Blob put back as the Blob it was. */
type WithBlobs<T> = T extends MappedBlob ? ([MappedBlob] extends [T] ? Blob : T) : T;

type SuccessData<Op> = WithBlobs<FetchedData<Op>>;

/**
 * The parsed body of the operation's success response: the JSON value, the text of a text media
 * type, or a Blob for a body the client reads as bytes (the generator types those `Blob`,
 * model/typing-document.ts). Where no success response has content, `unknown`: openapi-fetch
 * says `never`, but the client returns whatever body the server sent, read by its Content-Type
 * (runtime/encoding/undescribed-body.ts), or undefined when there is none.
 */
export type OperationData<Op> = [SuccessData<Op>] extends [never] ? unknown : SuccessData<Op>;

/** The parsed body of the operation's error responses. */
export type OperationErrorBody<Op> = Extract<FetchResponse<Responses<Op>, {}, `${string}/${string}`>, { data?: never }>['error'];

/** Limits on a paginated walk. */
export interface PageLimits {
  /** Stop after this many items. */
  maxItems?: number;
  /** Stop after this many pages. */
  maxPages?: number;
}

/** The item type of a page body's items field (`''`: of the body, when it is the list itself). */
export type PageItem<Page, Field extends string> = Field extends ''
  ? Page extends ReadonlyArray<infer Item>
    ? Item
    : unknown
  : Page extends Record<Field, ReadonlyArray<infer Item> | null | undefined>
  ? Item
  : Page extends { [K in Field]?: ReadonlyArray<infer Item> | null }
    ? Item
    : unknown;
