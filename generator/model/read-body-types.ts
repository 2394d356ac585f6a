// Response types that say what the client reads, not the schema of the document inside, for the
// typing document (model/typing-document.ts). openapi-typescript types a body as its schema under
// any media type, but the client reads a success body as the reading chosen for it (model/
// success-reading.ts): the bytes of a PDF or an XML document are a Blob, the text of an HTML page
// or a CSV file a string, so `(await getPage(client)).title` compiled and was undefined. An error
// body is what openapi-fetch makes of any error: the JSON value its text holds, else the text,
// whatever the label; under a type that is not JSON that is the text, or the schema's value where
// the server sent it as JSON. (A string-schema error body stays `string`, though a text that
// happens to parse as JSON, "404" or "true", becomes a number or boolean: the describers need
// that parsing for mislabelled JSON, and a type naming every JSON value would say nothing.)
import { deref } from '../json-pointer.ts';
import { classifyMediaType } from '../media-type.ts';
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
    for (const status of Object.keys(item.responses ?? {}).filter((s) => !/^2/.test(s))) {
      const either = (media: string, schema: unknown) =>
        schema === undefined || classifyMediaType(media) === 'json' || describesString(doc, schema) ? undefined : { anyOf: [STRING, schema] };
      if (retype(status, either)) changed.textResponses.push(name(status));
    }
    item.responses = responses;
  }
  changed.blobResponses.sort();
  changed.textResponses.sort();
  return changed;
}
