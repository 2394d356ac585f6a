// What `svcgen diff` reports: one Change per difference between two effective documents of a
// vendor, classified for an existing caller of the generated client by the rule that decided it.

export type ChangeKind =
  | 'operation-added'
  | 'operation-removed'
  | 'operation-deprecated'
  | 'function-renamed'
  | 'parameter-added'
  | 'parameter-removed'
  | 'parameter-required-changed'
  | 'parameter-location-changed'
  | 'parameter-deprecated'
  | 'request-body-added'
  | 'request-body-removed'
  | 'request-body-required-changed'
  | 'request-content-type-changed'
  | 'response-status-added'
  | 'response-status-removed'
  | 'response-content-type-changed'
  | 'property-added'
  | 'property-removed'
  | 'property-required-changed'
  | 'property-deprecated'
  | 'type-changed'
  | 'type-ref-changed'
  | 'enum-value-added'
  | 'enum-value-removed'
  | 'variant-added'
  | 'variant-removed'
  | 'schema-added'
  | 'schema-removed'
  | 'security-scheme-added'
  | 'security-scheme-removed'
  | 'security-scheme-changed'
  | 'operation-server-changed'
  | 'operation-security-changed'
  | 'server-added'
  | 'server-removed'
  | 'webhook-event-added'
  | 'webhook-event-removed'
  | 'webhook-signature-changed';

export type Classification = 'breaking' | 'non-breaking' | 'deprecation';

/** Which side of a call a schema is read on: what the caller sends, or what the caller receives. */
export type Direction = 'request' | 'response';

export interface Change {
  vendor: string;
  kind: ChangeKind;
  /** `POST /v1/customers`; absent for document-level changes (components, auth, servers, webhooks). */
  operation?: string;
  /** The generated function of `operation` (the old one when the operation was removed). */
  function?: string;
  /** JSON pointer into the effective document (the new one, or the old one for removals). */
  pointer: string;
  breaking: boolean;
  classification: Classification;
  rule: string;
  reason: string;
  /** Short human description: `query parameter 'limit' is now required`. */
  message: string;
  /** Component-level changes: the operations (and their functions) that reach the component. */
  affects?: { operation: string; function: string }[];
  /** Webhook-level changes: the event name. */
  event?: string;
}

export interface DiffSummary {
  changes: number;
  breaking: number;
  nonBreaking: number;
  deprecations: number;
  operationsAdded: number;
  operationsRemoved: number;
  operationsChanged: number;
  byKind: Record<string, number>;
}

export interface VendorDiff {
  vendor: string;
  /** What was compared, as the user would name it (files, `git HEAD`, `generated/manifest.json`). */
  old: string;
  new: string;
  changes: Change[];
}

/** A place in the user's code that uses something a change touches. */
export interface UseSite {
  file: string;
  line: number;
  /** The generated name used there: a function, a schema type or a webhook event. */
  name: string;
}

export interface ImpactHit {
  change: Change;
  sites: UseSite[];
}

export interface CompileErrorImpact {
  file: string;
  line: number;
  code: number;
  message: string;
  /** The changes this error is attributed to (empty when none could be matched). */
  changes: Change[];
}

export interface ImpactReport {
  project: string;
  /** Changes that touch something the project uses, with the sites. */
  hits: ImpactHit[];
  /** Errors the project's type-check shows against the regenerated client and not against the old one. */
  compileErrors: CompileErrorImpact[];
  /** True when the type-check could not run (e.g. no TypeScript files); the reason says why. */
  typecheckSkipped?: string;
}

export interface DiffReport {
  diffs: VendorDiff[];
  impact?: ImpactReport;
}
