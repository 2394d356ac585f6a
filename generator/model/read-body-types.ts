// Response types that say what the client reads, not the schema of the document inside, for the
// typing document (model/typing-document.ts). openapi-typescript types a body as its schema under
// any media type, but the client reads a success body as the reading chosen for it (model/
// success-reading.ts): the bytes of a PDF or an XML document are a Blob, the text of an HTML page
// or a CSV file a string, so `(await getPage(client)).title` compiled and was undefined. An error
// body under a type that is not JSON (model/error-text.ts) is its text as sent ("404" and "true"
// stay text: the operation's metadata names runtime/encoding/error-text.ts), or the value of a
// text holding a JSON object or array, the schema's value sent under the wrong label, which the
// describers read. So it is typed as the text or the schema's value. (A string-schema error body
// stays `string`, though a text holding a JSON object or array still arrives as that value: a
// type naming every JSON document would say nothing.) An error under a JSON type, or an answer
// without a Content-Type, is the JSON value its text holds, else the text (openapi-fetch's reading).
import { deref } from '../json-pointer.ts';
import { errorReadAsText, isErrorStatus } from './error-text.ts';
import { successStatusesRead } from './success-reading.ts';
import type { ApiModel } from './types.ts';

type Doc = Record<string, any>;

/** Marks the schema of a success body the client hands over as bytes, which types.ts renders as `Blob`. */
export const BLOB_MARK = 'x-svcgen-blob';

export interface ReadBodyTypes {
  /** `METHOD /path status`: success responses typed as the Blob the client resolves with. */
  blobResponses: string[];
  /** `METHOD /path status`: responses typed as the text the client reads (success), or the text or the schema's value (error). */
  textResponses: string[];
}

const STRING = { type: 'string' };

/** Whether the schema is a string's, whose own type (an enum, say) the text may keep. */
function describesString(doc: Doc, schema: unknown): boolean {
  return deref<Doc>(doc, schema)?.type === 'string';
}

/**
 * Rewrites the responses of `paths` (the typing document's, copied per operation) so each body is
 * typed as the client reads it; returns what it changed, for the manifest.
 */
export function typeResponsesAsRead(doc: Doc, paths: Doc, model: ApiModel): ReadBodyTypes {
  const changed: ReadBodyTypes = { blobResponses: [], textResponses: [] };
  for (const op of model.operations) {
    const item = paths[op.path][op.method];
    const responses: Doc = { ...item.responses };
    const name = (status: string) => `${op.method.toUpperCase()} ${op.path} ${status}`;
    /** Gives each media type of `status` the schema `retype` returns for it (undefined: as it is); whether one changed. */
    const retype = (status: string, next: (media: string, schema: unknown) => Doc | undefined): boolean => {
      const response = deref<Doc>(doc, responses[status]);
      if (!response?.content) return false;
      let any = false;
      const content = Object.fromEntries(
        Object.entries<Doc>(response.content).map(([media, entry]) => {
          const schema = next(media, entry?.schema);
          if (!schema) return [media, entry];
          any = true;
          return [media, { ...entry, schema }];
        }),
      );
      if (any) responses[status] = { ...response, content };
      return any;
    };
    for (const status of successStatusesRead(op, 'blob')) {
      if (retype(status, () => ({ type: 'string', format: 'binary', [BLOB_MARK]: true }))) changed.blobResponses.push(name(status));
    }
    for (const status of successStatusesRead(op, 'text')) {
      if (retype(status, (_media, schema) => (describesString(doc, schema) ? undefined : STRING))) changed.textResponses.push(name(status));
    }
    for (const status of Object.keys(item.responses ?? {}).filter(isErrorStatus)) {
      const either = (media: string, schema: unknown) =>
        schema === undefined || !errorReadAsText(media) || describesString(doc, schema) ? undefined : { anyOf: [STRING, schema] };
      if (retype(status, either)) changed.textResponses.push(name(status));
    }
    item.responses = responses;
  }
  changed.blobResponses.sort();
  changed.textResponses.sort();
  return changed;
}
