// Negative controls: requests that break the contract on purpose. The suite sends them through
// the same caller and Prism, and expects every one to be flagged; a suite whose oracle never says
// no proves nothing.
import type { OperationModel } from '../../generator/model/types.ts';
import { resolveSchema, sampleInput, type SampleInput } from '../support/sample-input.ts';

export interface Canary {
  operation: OperationModel;
  kind: 'missing body field' | 'missing query parameter' | 'body field of the wrong type';
  /** The field or parameter broken: Prism's report must name it. */
  field: string;
  input: SampleInput;
}

type Doc = Record<string, unknown>;

function requiredBodyField(operation: OperationModel, document: Doc, wantedType?: string): string | undefined {
  const body = operation.requestBody;
  if (!body || (body.encoding !== 'json' && body.encoding !== 'form')) return undefined;
  const schema = resolveSchema(body.schema, document);
  const required = Array.isArray(schema?.required) ? (schema.required as string[]) : [];
  const properties = (schema?.properties ?? {}) as Record<string, Record<string, unknown>>;
  // The client fills an idempotency body field itself: removing it proves nothing.
  const clientFilled = operation.idempotency.kind === 'body-field' ? operation.idempotency.field : undefined;
  return required.find((name) => {
    if (name === clientFilled) return false;
    const property = resolveSchema(properties[name], document);
    if (!property || property.readOnly === true) return false;
    return wantedType === undefined || (property.type === wantedType && !property.enum);
  });
}

/** Up to `perKind` canaries of each kind, from the first operations (by id) that allow them. */
export function canaries(operations: OperationModel[], document: Doc, perKind = 3): Canary[] {
  const sorted = [...operations].sort((a, b) => a.id.localeCompare(b.id));
  const out: Canary[] = [];
  const take = (kind: Canary['kind'], build: (op: OperationModel) => Omit<Canary, 'operation' | 'kind'> | undefined) => {
    let count = 0;
    for (const operation of sorted) {
      if (count >= perKind) break;
      let built: Omit<Canary, 'operation' | 'kind'> | undefined;
      try {
        built = build(operation);
      } catch {
        continue; // no sample for this operation: the main run reports it
      }
      if (!built) continue;
      out.push({ operation, kind, ...built });
      count++;
    }
  };
  take('missing body field', (operation) => {
    const field = requiredBodyField(operation, document);
    if (!field) return undefined;
    const input = sampleInput(operation, document);
    const body = input.body as Record<string, unknown>;
    // Keep the body non-empty: an empty one is "body required", which names no field.
    if (Object.keys(body).length < 2) return undefined;
    delete body[field];
    return { field, input };
  });
  take('missing query parameter', (operation) => {
    const parameter = operation.parameters.find((p) => p.in === 'query' && p.required && p.role === 'param');
    if (!parameter) return undefined;
    const input = sampleInput(operation, document);
    delete input.params.query?.[parameter.name];
    return { field: parameter.name, input };
  });
  take('body field of the wrong type', (operation) => {
    const field = requiredBodyField(operation, document, 'integer');
    if (!field) return undefined;
    const input = sampleInput(operation, document);
    (input.body as Record<string, unknown>)[field] = 'not-a-number';
    return { field, input };
  });
  return out;
}
