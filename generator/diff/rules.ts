// Every rule svcgen's diff applies. A rule decides one kind of change in one direction and says
// why, in terms of the generated TypeScript client: would a caller's code that compiled and worked
// against the old client stop compiling or stop working against the regenerated one?
import type { ChangeKind, Classification } from './types.ts';

export interface Rule {
  id: string;
  kind: ChangeKind;
  classification: Classification;
  reason: string;
}

const B = 'breaking' as const;
const N = 'non-breaking' as const;
const D = 'deprecation' as const;

const TABLE: [string, ChangeKind, Classification, string][] = [
  ['operation-added', 'operation-added', N, 'a new generated function; existing calls are unaffected'],
  ['operation-removed', 'operation-removed', B, 'the generated function disappears: imports and calls of it no longer compile'],
  ['operation-deprecated', 'operation-deprecated', D, 'the function still exists; its JSDoc is marked @deprecated'],
  ['function-renamed', 'function-renamed', B, 'the operation keeps its method and path but its generated function has a new name: imports of the old name no longer compile'],
  ['request-parameter-added-required', 'parameter-added', B, 'a new required parameter: calls that do not pass it no longer compile'],
  ['request-parameter-added-optional', 'parameter-added', N, 'a new optional parameter: existing calls still compile and send the same request'],
  ['request-parameter-removed', 'parameter-removed', B, 'calls that pass the parameter no longer compile (excess property in params)'],
  ['request-parameter-became-required', 'parameter-required-changed', B, 'calls that leave the parameter out no longer compile'],
  ['request-parameter-became-optional', 'parameter-required-changed', N, 'every call that passed it still compiles'],
  ['request-parameter-location-changed', 'parameter-location-changed', B, 'the parameter moves between params.path/query/header: calls that pass it in the old place no longer compile'],
  ['request-parameter-deprecated', 'parameter-deprecated', D, 'the parameter still works; the vendor plans to remove it'],
  ['request-body-added-required', 'request-body-added', B, 'calls without a body no longer compile'],
  ['request-body-added-optional', 'request-body-added', N, 'the body is optional: existing calls still compile'],
  ['request-body-removed', 'request-body-removed', B, 'calls that pass a body no longer compile'],
  ['request-body-became-required', 'request-body-required-changed', B, 'calls without a body no longer compile'],
  ['request-body-became-optional', 'request-body-required-changed', N, 'calls with a body still compile'],
  ['request-content-type-changed', 'request-content-type-changed', B, 'the generated function encodes the body differently (e.g. JSON instead of form): the body type and the bytes on the wire change'],
  ['request-media-type-changed', 'request-content-type-changed', N, 'another media type the generated function encodes the same way (JSON, form, multipart, text or bytes as before): it sends the same body type and bytes, under the new Content-Type'],
  ['response-success-status-added', 'response-status-added', N, 'a further success status only widens what the function may return at run time; the typed data follows the first success status'],
  ['response-success-status-removed', 'response-status-removed', B, 'the success status the function typed its data by is gone: the returned type changes'],
  ['response-content-type-changed', 'response-content-type-changed', B, 'the success body is parsed as another media type: the returned type changes'],
  ['response-media-type-changed', 'response-content-type-changed', N, 'another media type the client reads the same way (both as JSON, as text or as bytes, or JSON and `*/*` read by the answer\'s Content-Type and typed by the same schema): the returned type is unchanged'],
  ['request-property-added-required', 'property-added', B, 'a new required body or parameter field: object literals without it no longer compile'],
  ['request-property-added-optional', 'property-added', N, 'a new optional field the caller may leave out'],
  ['request-property-removed', 'property-removed', B, 'object literals that set the field no longer compile (excess property check)'],
  ['request-property-became-required', 'property-required-changed', B, 'object literals without the field no longer compile'],
  ['request-property-became-optional', 'property-required-changed', N, 'object literals that set it still compile'],
  ['request-type-changed', 'type-changed', B, 'values of the old type no longer type-check'],
  ['request-type-ref-changed', 'type-ref-changed', N, 'the field names another component (or an inline schema) than before; compared with the references resolved, every value of the old type still type-checks'],
  ['request-enum-value-added', 'enum-value-added', N, 'the accepted union widens; every old value is still accepted'],
  ['request-enum-value-removed', 'enum-value-removed', B, 'calls that pass the removed literal no longer compile'],
  ['request-variant-added', 'variant-added', N, 'the accepted union widens'],
  ['request-variant-removed', 'variant-removed', B, 'calls that pass a value of the removed variant no longer compile'],
  ['request-property-deprecated', 'property-deprecated', D, 'the field still works; the vendor plans to remove it'],
  ['response-property-added', 'property-added', N, 'a new field in returned data; code that reads other fields is unaffected'],
  ['response-property-removed', 'property-removed', B, 'reads of the field no longer compile'],
  ['response-property-became-optional', 'property-required-changed', B, 'the field becomes `T | undefined`: uses that assumed it present no longer compile under strict null checks'],
  ['response-property-became-required', 'property-required-changed', N, 'the field narrows from `T | undefined` to `T`; existing code still compiles'],
  ['response-type-changed', 'type-changed', B, 'reads that relied on the old type no longer type-check'],
  ['response-type-ref-changed', 'type-ref-changed', N, 'the field names another component (or an inline schema) than before; compared with the references resolved, every read of the old type still type-checks'],
  ['response-enum-value-added', 'enum-value-added', B, 'a new literal in a returned union: exhaustive switches (`const x: never = value`) no longer compile and the code meets a value it does not handle'],
  ['response-enum-value-removed', 'enum-value-removed', N, 'the returned union narrows; comparisons with the removed literal still compile unless the union would become disjoint'],
  ['response-variant-added', 'variant-added', B, 'a returned value may now have another shape: reads that assumed the old shape(s) no longer compile'],
  ['response-variant-removed', 'variant-removed', N, 'the returned union narrows'],
  ['response-property-deprecated', 'property-deprecated', D, 'the field is still returned; the vendor plans to remove it'],
  ['schema-added', 'schema-added', N, 'a new exported type under components'],
  ['schema-removed', 'schema-removed', B, "`components['schemas'][name]` no longer exists: code that names the type no longer compiles"],
  ['security-scheme-added', 'security-scheme-added', N, 'a further way to authenticate; existing credentials keep working'],
  ['security-scheme-removed', 'security-scheme-removed', B, 'credentials of that scheme are no longer accepted by the vendor'],
  ['security-scheme-changed', 'security-scheme-changed', B, 'the scheme changes type or location: the client sends credentials differently'],
  ['operation-security-changed', 'operation-security-changed', B, 'the operation now needs other credentials than before'],
  ['operation-server-changed', 'operation-server-changed', N, "the operation's requests go to another host than before (a server of its own, or the client's): code still compiles and works, but host allow-lists and mocks that route by host need the new one"],
  ['server-added', 'server-added', N, 'a further documented server'],
  ['server-removed', 'server-removed', B, 'a documented base URL is gone: clients configured with it stop reaching the API'],
  ['webhook-event-added', 'webhook-event-added', B, 'the verified event union widens: exhaustive switches over event types no longer compile, and the handler meets an event it does not handle'],
  ['webhook-event-removed', 'webhook-event-removed', B, 'handlers keyed by the removed event name no longer compile'],
  ['webhook-signature-changed', 'webhook-signature-changed', B, "deliveries are verified another way (scheme, signed payload, headers or the secret's form): code still compiles, but a receiver deployed before the change refuses deliveries signed after it, and the configured secret may need the new form"],
];

export const RULES: ReadonlyMap<string, Rule> = new Map(TABLE.map(([id, kind, classification, reason]) => [id, { id, kind, classification, reason }]));

export function rule(id: string): Rule {
  const found = RULES.get(id);
  if (!found) throw new Error(`svcgen diff: no rule '${id}'`);
  return found;
}
