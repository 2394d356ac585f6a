// The semantic diff of one vendor: old and new effective documents with their models (the same
// load → model path the generator takes) → classified changes.
import { escapePointerSegment } from '../json-pointer.ts';
import { readingOf } from '../model/success-reading.ts';
import type { ApiModel, OperationModel, ParameterModel, ResponseModel, WebhookModel } from '../model/types.ts';
import { rule } from './rules.ts';
import { acceptsAnything, compareSchemas, typeLabel, type CompareDocuments, type SchemaFinding } from './schema-compare.ts';
import type { Change, ChangeKind, Classification, Direction } from './types.ts';
import { componentUses, isSuccess, operationKey, type ComponentUse } from './usage.ts';

export interface EffectiveVendor {
  vendor: string;
  document: Record<string, any>;
  model: ApiModel;
}

type Doc = Record<string, any>;

function opPointer(op: OperationModel): string {
  return `/paths/${escapePointerSegment(op.path)}/${op.method}`;
}

function paramPointer(doc: Doc, op: OperationModel, param: ParameterModel): string {
  const item = doc.paths?.[op.path] ?? {};
  const matches = (p: Doc) => {
    const target = typeof p?.$ref === 'string' && p.$ref.startsWith('#/components/parameters/')
      ? doc.components?.parameters?.[p.$ref.slice('#/components/parameters/'.length)]
      : p;
    return target?.name === param.name && target?.in === param.in;
  };
  const own = (item[op.method]?.parameters ?? []) as Doc[];
  const index = own.findIndex(matches);
  if (index !== -1) return `${opPointer(op)}/parameters/${index}`;
  const shared = (item.parameters ?? []) as Doc[];
  const sharedIndex = shared.findIndex(matches);
  return sharedIndex !== -1 ? `/paths/${escapePointerSegment(op.path)}/parameters/${sharedIndex}` : `${opPointer(op)}/parameters`;
}

class Collector {
  readonly changes: Change[] = [];
  private readonly vendor: string;
  constructor(vendor: string) {
    this.vendor = vendor;
  }

  add(ruleId: string, pointer: string, message: string, at?: { op?: OperationModel; event?: string; affects?: Change['affects'] }): void {
    const r = rule(ruleId);
    const change: Change = {
      vendor: this.vendor,
      kind: r.kind as ChangeKind,
      pointer,
      breaking: r.classification === 'breaking',
      classification: r.classification,
      rule: r.id,
      reason: r.reason,
      message,
    };
    if (at?.op) {
      change.operation = operationKey(at.op);
      change.function = at.op.functionName;
    }
    if (at?.event !== undefined) change.event = at.event;
    if (at?.affects) change.affects = at.affects;
    this.changes.push(change);
  }

  findings(direction: Direction, findings: SchemaFinding[], at: { op?: OperationModel; affects?: Change['affects'] }): void {
    for (const f of findings) this.add(`${direction}-${f.suffix}`, f.pointer, f.message, at);
  }
}

export function diffVendor(before: EffectiveVendor, after: EffectiveVendor): Change[] {
  const out = new Collector(after.vendor);
  diffOperations(before, after, out);
  diffComponents(before, after, out);
  diffSecurity(before.document, after.document, out);
  diffServers(before.document, after.document, out);
  diffWebhooks(before, after, out);
  return out.changes;
}

function diffOperations(before: EffectiveVendor, after: EffectiveVendor, out: Collector): void {
  const oldOps = new Map(before.model.operations.map((op) => [operationKey(op), op]));
  const newOps = new Map(after.model.operations.map((op) => [operationKey(op), op]));
  for (const [key, op] of newOps) {
    const old = oldOps.get(key);
    if (!old) {
      out.add('operation-added', opPointer(op), `operation added (${op.functionName})`, { op });
      continue;
    }
    diffOperation(old, op, before.document, after.document, out);
  }
  for (const [key, op] of oldOps) {
    if (!newOps.has(key)) out.add('operation-removed', opPointer(op), `operation removed (${op.functionName})`, { op });
  }
}

function diffOperation(old: OperationModel, op: OperationModel, oldDoc: Doc, newDoc: Doc, out: Collector): void {
  const at = { op };
  const docs: CompareDocuments = { old: oldDoc, new: newDoc };
  if (old.functionName !== op.functionName) {
    out.add('function-renamed', opPointer(op), `generated function ${old.functionName} → ${op.functionName}`, { op: { ...op, functionName: old.functionName } });
  }
  if (op.deprecated && !old.deprecated) out.add('operation-deprecated', `${opPointer(op)}/deprecated`, 'operation deprecated', at);
  // Where the client sends it (model/operation-servers.ts): its own server, or the client's.
  const serverOf = (o: OperationModel) => o.server ?? "the client's server";
  if (serverOf(old) !== serverOf(op)) out.add('operation-server-changed', `${opPointer(op)}/servers`, `requests go to ${serverOf(op)}, not ${serverOf(old)}`, at);

  // Parameters the client fills itself (auth, client and call options) are not the caller's params.
  const callerParams = (o: OperationModel) => o.parameters.filter((p) => p.role === 'param');
  const oldByName = new Map(callerParams(old).map((p) => [p.name, p]));
  const newByName = new Map(callerParams(op).map((p) => [p.name, p]));
  for (const [name, p] of newByName) {
    const q = oldByName.get(name);
    const pointer = paramPointer(newDoc, op, p);
    if (!q) {
      out.add(p.required ? 'request-parameter-added-required' : 'request-parameter-added-optional', pointer, `${p.required ? 'required ' : ''}${p.in} parameter '${name}' added`, at);
      continue;
    }
    if (q.in !== p.in) out.add('request-parameter-location-changed', pointer, `parameter '${name}' moved from ${q.in} to ${p.in}`, at);
    if (q.required !== p.required) {
      out.add(p.required ? 'request-parameter-became-required' : 'request-parameter-became-optional', pointer, `${p.in} parameter '${name}' is now ${p.required ? 'required' : 'optional'}`, at);
    }
    const deprecated = (doc: Doc, o: OperationModel, x: ParameterModel) => Boolean((doc.paths?.[o.path]?.[o.method]?.parameters ?? []).find((d: Doc) => d?.name === x.name && d?.in === x.in)?.deprecated);
    if (deprecated(newDoc, op, p) && !deprecated(oldDoc, old, q)) out.add('request-parameter-deprecated', pointer, `parameter '${name}' deprecated`, at);
    const findings: SchemaFinding[] = [];
    compareSchemas(q.schema, p.schema, `${pointer}/schema`, 'request', findings, docs);
    out.findings('request', findings, at);
  }
  for (const [name, q] of oldByName) {
    if (!newByName.has(name)) out.add('request-parameter-removed', paramPointer(oldDoc, old, q), `${q.in} parameter '${name}' removed`, at);
  }

  const body = `${opPointer(op)}/requestBody`;
  if (op.requestBody && !old.requestBody) {
    out.add(op.requestBody.required ? 'request-body-added-required' : 'request-body-added-optional', body, 'request body added', at);
  } else if (!op.requestBody && old.requestBody) {
    out.add('request-body-removed', `${opPointer(old)}/requestBody`, 'request body removed', at);
  } else if (op.requestBody && old.requestBody) {
    if (op.requestBody.required !== old.requestBody.required) {
      out.add(op.requestBody.required ? 'request-body-became-required' : 'request-body-became-optional', body, `request body is now ${op.requestBody.required ? 'required' : 'optional'}`, at);
    }
    const mediaChange = `request body ${old.requestBody.mediaType} → ${op.requestBody.mediaType}`;
    if (op.requestBody.encoding !== old.requestBody.encoding) {
      out.add('request-content-type-changed', `${body}/content`, mediaChange, at);
    } else {
      if (op.requestBody.mediaType !== old.requestBody.mediaType) out.add('request-media-type-changed', `${body}/content`, mediaChange, at);
      // A body that had no schema took any value (`unknown`); typed now, not every value fits.
      if (old.requestBody.schema === undefined && op.requestBody.schema !== undefined && !acceptsAnything(op.requestBody.schema)) {
        out.add('request-type-changed', `${body}/content/${escapePointerSegment(op.requestBody.mediaType)}/schema`, `request body typed ${typeLabel(op.requestBody.schema)} (had no schema)`, at);
      }
      const findings: SchemaFinding[] = [];
      compareSchemas(old.requestBody.schema, op.requestBody.schema, `${body}/content/${escapePointerSegment(op.requestBody.mediaType)}/schema`, 'request', findings, docs);
      out.findings('request', findings, at);
    }
  }

  const success = (o: OperationModel) => new Map(o.responses.filter((r) => isSuccess(r.status)).map((r) => [r.status, r]));
  const oldResponses = success(old);
  const newResponses = success(op);
  for (const [status, r] of newResponses) {
    const pointer = `${opPointer(op)}/responses/${escapePointerSegment(status)}`;
    const q = oldResponses.get(status);
    if (!q) {
      out.add('response-success-status-added', pointer, `success response ${status} added`, at);
      continue;
    }
    if (q.mediaType !== r.mediaType && q.mediaType !== undefined && r.mediaType !== undefined) {
      const mediaChange = `response ${status} ${q.mediaType} → ${r.mediaType}`;
      if (!readAlike(q, r)) {
        out.add('response-content-type-changed', `${pointer}/content`, mediaChange, at);
        continue;
      }
      out.add('response-media-type-changed', `${pointer}/content`, mediaChange, at);
    }
    // The body's schema gone: the returned data was typed by it and is `unknown` now.
    if (q.schema !== undefined && !acceptsAnything(q.schema) && r.schema === undefined) {
      const now = r.mediaType === undefined ? 'no body' : `${r.mediaType} with no schema`;
      out.add('response-content-type-changed', r.mediaType === undefined ? pointer : `${pointer}/content/${escapePointerSegment(r.mediaType)}`, `response ${status} ${q.mediaType ?? 'body'} → ${now}`, at);
      continue;
    }
    const findings: SchemaFinding[] = [];
    compareSchemas(q.schema, r.schema, `${pointer}/content/${escapePointerSegment(r.mediaType ?? '')}/schema`, 'response', findings, docs);
    out.findings('response', findings, at);
  }
  for (const status of oldResponses.keys()) {
    if (!newResponses.has(status)) out.add('response-success-status-removed', `${opPointer(old)}/responses/${escapePointerSegment(status)}`, `success response ${status} removed`, at);
  }
  const security = (o: OperationModel) => JSON.stringify([...o.security].sort());
  if (security(old) !== security(op)) {
    out.add('operation-security-changed', `${opPointer(op)}/security`, `security ${security(old)} → ${security(op)}`, at);
  }
}

/**
 * Two success bodies the client reads to the same type: both as JSON, or one by the answer's own
 * Content-Type (`*\/*`, typed by its schema as JSON is) and one as JSON.
 */
function readAlike(a: ResponseModel, b: ResponseModel): boolean {
  const json = (r: ResponseModel) => readingOf(r) === 'json' || readingOf(r) === 'content-type';
  return readingOf(a) === readingOf(b) || (json(a) && json(b));
}

/**
 * The operations that met a component on each side before and still do. One that reaches it only
 * now (through a new property or parameter) is told of that addition, not of how the component
 * changed; one that no longer reaches it, of the removal.
 */
function commonUse(before: ComponentUse | undefined, after: ComponentUse | undefined): ComponentUse | undefined {
  if (!before || !after) return after ?? before;
  const common = (a: Set<string>, b: Set<string>) => new Set([...a].filter((key) => b.has(key)));
  return { request: common(before.request, after.request), response: common(before.response, after.response) };
}

/** The operations (and their functions) that meet a component on the given sides. */
function affected(use: ComponentUse | undefined, functions: Map<string, string>, sides: readonly Direction[] = ['request', 'response']): Change['affects'] {
  if (!use) return [];
  const keys = [...new Set(sides.flatMap((side) => [...use[side]]))].sort();
  return keys.map((operation) => ({ operation, function: functions.get(operation) ?? '' }));
}

function diffComponents(before: EffectiveVendor, after: EffectiveVendor, out: Collector): void {
  const oldSchemas: Doc = before.document.components?.schemas ?? {};
  const newSchemas: Doc = after.document.components?.schemas ?? {};
  const oldUses = componentUses(before.model, before.document);
  const newUses = componentUses(after.model, after.document);
  const functions = new Map<string, string>();
  for (const op of [...before.model.operations, ...after.model.operations]) functions.set(operationKey(op), op.functionName);
  const pointer = (name: string) => `/components/schemas/${escapePointerSegment(name)}`;
  for (const name of Object.keys(newSchemas)) {
    if (!Object.hasOwn(oldSchemas, name)) {
      out.add('schema-added', pointer(name), `schema '${name}' added`, { affects: affected(newUses.get(name), functions) });
      continue;
    }
    const use = commonUse(oldUses.get(name), newUses.get(name));
    // A component read on both sides is judged by both rules. Where they agree, one change lists
    // every operation that reaches it; where they differ (an enum value added breaks a reader, not
    // a sender), each rule's change lists only the operations on its side.
    const sides: Direction[] = use && use.request.size > 0 ? (use.response.size > 0 ? ['request', 'response'] : ['request']) : ['response'];
    const docs: CompareDocuments = { old: before.document, new: after.document };
    const judged = new Map<string, Map<Classification, { sides: Direction[]; f: SchemaFinding }>>();
    for (const side of sides) {
      const findings: SchemaFinding[] = [];
      compareSchemas(oldSchemas[name], newSchemas[name], pointer(name), side, findings, docs);
      for (const f of findings) {
        const key = `${f.pointer}\u0000${f.message}`;
        const byClass = judged.get(key) ?? judged.set(key, new Map()).get(key)!;
        const classification = rule(`${side}-${f.suffix}`).classification;
        const same = byClass.get(classification);
        if (same) same.sides.push(side);
        else byClass.set(classification, { sides: [side], f });
      }
    }
    for (const byClass of judged.values()) {
      for (const { sides: on, f } of byClass.values()) out.add(`${on[0]}-${f.suffix}`, f.pointer, `${name}: ${f.message}`, { affects: affected(use, functions, on) });
    }
  }
  for (const name of Object.keys(oldSchemas)) {
    if (!Object.hasOwn(newSchemas, name)) out.add('schema-removed', pointer(name), `schema '${name}' removed`, { affects: affected(oldUses.get(name), functions) });
  }
}

function diffSecurity(oldDoc: Doc, newDoc: Doc, out: Collector): void {
  const a: Doc = oldDoc.components?.securitySchemes ?? {};
  const b: Doc = newDoc.components?.securitySchemes ?? {};
  const at = (name: string) => `/components/securitySchemes/${escapePointerSegment(name)}`;
  const shape = (s: Doc) => JSON.stringify([s?.type, s?.in, s?.name, s?.scheme]);
  for (const name of Object.keys(b)) {
    if (!Object.hasOwn(a, name)) out.add('security-scheme-added', at(name), `security scheme '${name}' added`);
    else if (shape(a[name]) !== shape(b[name])) out.add('security-scheme-changed', at(name), `security scheme '${name}' ${shape(a[name])} → ${shape(b[name])}`);
  }
  for (const name of Object.keys(a)) if (!Object.hasOwn(b, name)) out.add('security-scheme-removed', at(name), `security scheme '${name}' removed`);
}

function diffServers(oldDoc: Doc, newDoc: Doc, out: Collector): void {
  const urls = (doc: Doc) => (Array.isArray(doc.servers) ? doc.servers.map((s: Doc) => String(s?.url)) : []) as string[];
  // The client joins paths to a server URL without its trailing slash: `…/v1/` and `…/v1` are one base.
  const base = (url: string) => (url.endsWith('/') ? url.slice(0, -1) : url);
  const a = urls(oldDoc);
  const b = urls(newDoc);
  const [bases, nextBases] = [a.map(base), b.map(base)];
  b.forEach((url, index) => {
    if (!bases.includes(base(url))) out.add('server-added', `/servers/${index}`, `server ${url} added`);
  });
  a.forEach((url, index) => {
    if (!nextBases.includes(base(url))) out.add('server-removed', `/servers/${index}`, `server ${url} removed`);
  });
}

function diffWebhooks(before: EffectiveVendor, after: EffectiveVendor, out: Collector): void {
  const a = new Set((before.model.webhooks?.events ?? []).map((e) => e.name));
  const b = new Set((after.model.webhooks?.events ?? []).map((e) => e.name));
  for (const name of b) if (!a.has(name)) out.add('webhook-event-added', '/x-svcgen-webhooks', `webhook event '${name}' added`, { event: name });
  for (const name of a) if (!b.has(name)) out.add('webhook-event-removed', '/x-svcgen-webhooks', `webhook event '${name}' removed`, { event: name });
  const signing = (w: WebhookModel | undefined) => (w ? JSON.stringify([w.scheme, w.signature ?? null, w.headers ?? null]) : undefined);
  const was = signing(before.model.webhooks);
  const now = signing(after.model.webhooks);
  if (was !== undefined && now !== undefined && was !== now) {
    let [from, to] = [describeSigning(before.model.webhooks!), describeSigning(after.model.webhooks!)];
    // The change is in a detail of a declared scheme (an encoding, a prefix, the secret's form): show it whole.
    if (from === to) [from, to] = [JSON.stringify(before.model.webhooks!.signature), JSON.stringify(after.model.webhooks!.signature)];
    out.add('webhook-signature-changed', '/x-svcgen-webhooks/scheme', `webhook signature ${from} → ${to}`);
  }
}

/** The scheme and the headers it reads, as a diff line names them. */
function describeSigning(webhooks: WebhookModel): string {
  const scheme = webhooks.signature ? `declared ${webhooks.signature.algorithm} over '${webhooks.signature.payload}'` : webhooks.scheme;
  const headers = webhooks.headers ? ` (${[webhooks.headers.signature, webhooks.headers.timestamp].filter(Boolean).join(', ')})` : '';
  return `${scheme}${headers}`;
}
