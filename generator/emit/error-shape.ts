// Which error-body recogniser a client needs, decided at generation time from the spec's own error
// responses: when every JSON error response is an envelope (`{ error: { … } }`, no `errors` list,
// no `details` inside), the client passes the envelope-only recogniser and a Worker bundles none of
// the list and flat-shape code; any other spec, or one that declares no error body, gets the one
// that recognises every shape (runtime/error-shapes.ts).
import type { ApiModel, SchemaObject } from '../model/types.ts';

export type ErrorShapeChoice = 'envelope' | 'any';

/** Follows local `$ref`s (a few hops) to the schema they name. */
function resolve(doc: Record<string, any>, schema: SchemaObject | undefined): SchemaObject | undefined {
  let node: any = schema;
  for (let i = 0; i < 8 && node && typeof node.$ref === 'string'; i++) {
    const ref = node.$ref as string;
    if (!ref.startsWith('#/')) return undefined;
    node = doc;
    for (const part of ref.slice(2).split('/')) node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function isEnvelope(doc: Record<string, any>, schema: SchemaObject | undefined): boolean {
  const outer = resolve(doc, schema);
  const props = outer?.properties as Record<string, SchemaObject> | undefined;
  if (!props || props.errors) return false;
  const inner = resolve(doc, props.error);
  const innerProps = inner?.properties as Record<string, SchemaObject> | undefined;
  return Boolean(innerProps) && !innerProps!.details;
}

export function errorShapeOf(model: ApiModel, doc: Record<string, any>): ErrorShapeChoice {
  let envelopes = 0;
  for (const op of model.operations) {
    for (const response of op.responses) {
      if (/^2/.test(response.status) || !response.mediaType || !/json/i.test(response.mediaType)) continue;
      if (!isEnvelope(doc, response.schema)) return 'any';
      envelopes++;
    }
  }
  return envelopes > 0 ? 'envelope' : 'any';
}
