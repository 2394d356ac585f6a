// webhooks.ts of a vendor: the event map (event name → event type, built from openapi-typescript's
// `components` types), a verifier with the vendor's scheme bound, a router whose handlers are typed
// by event name, and Hono middleware. The scheme is picked by the id the overlay declares; the
// runtime exports each scheme under a name derived from that id.
import * as runtime from '../../runtime/webhooks.ts';
import type { SchemaObject, WebhookModel } from '../model/types.ts';
import { webhookExportNames } from '../model/module-names.ts';
import { fileHeader, type Provenance } from './header.ts';
import { docComment, literal, propertyKey } from './text.ts';

export interface WebhookEmitInput {
  vendor: string;
  /** PascalCase vendor name; `webhooks.namePrefix` wins, then this, then the vendor id. */
  displayName?: string;
  webhooks: WebhookModel;
  /** types.d.ts carries openapi-typescript's read/write markers (model/read-write.ts): events are read through Readable. */
  readWriteMarkers?: boolean;
  provenance?: Provenance;
}

const RUNTIME_MODULE = 'svcgen/runtime/webhooks';
const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;
const UNTYPED_OBJECT = '{ [key: string]: unknown }';

export function emitWebhooks(input: WebhookEmitInput): string {
  const { vendor, webhooks: model } = input;
  const declared = model.signature;
  const schemeExport = runtime.schemeExportName(model.scheme);
  const verifierExport = runtime.verifierExportName(model.scheme);
  if (!declared && (!runtime.isWebhookSchemeId(model.scheme) || !(schemeExport in runtime) || !(verifierExport in runtime))) {
    throw new Error(`webhooks of ${vendor}: the runtime has no scheme '${model.scheme}'`);
  }
  const prefix = model.namePrefix ?? input.displayName ?? pascal(vendor);
  const names = webhookExportNames(prefix);
  const enveloped = model.objectPath !== undefined;
  const helperType = enveloped ? 'EnvelopedEvent' : 'NamedEvent';
  // A form's fields arrive as text whatever the schema says (no objectPath: the model refuses one).
  const form = model.delivery === 'form';
  const discriminator = literal(model.discriminator);

  const out: string[] = [];
  out.push(
    fileHeader(vendor, `Webhooks (${declared ? `a declared ${declared.algorithm} scheme` : model.scheme}): event types, verifier, typed router and Hono middleware.`, input.provenance).trimEnd(),
    '',
    "import type { Env, MiddlewareHandler } from 'hono';",
    'import {',
    '  createWebhookMiddleware,',
    '  createWebhookRouter,',
    ...(declared ? ['  declaredScheme,', '  type DeclaredSignature,'] : [`  ${schemeExport} as scheme,`, `  ${verifierExport} as verifyScheme,`]),
    ...(form ? ['  type FormFields,'] : []),
    `  type ${helperType},`,
    '  type HeaderSource,',
    '  type RawBody,',
    '  type VerifyOptions,',
    '  type VerifyResult,',
    '  type WebhookHandlers,',
    '  type WebhookMiddlewareOptions,',
    '  type WebhookRouter,',
    '  type WebhookRouterOptions,',
    '  type WebhookSecret,',
    '  type WebhookVariables,',
    `} from '${RUNTIME_MODULE}';`,
    input.readWriteMarkers ? "import type { components, Readable } from './types.js';" : "import type { components } from './types.js';",
    '',
    ...(input.readWriteMarkers
      ? [shortDoc('The schemas as a delivery carries them: readOnly values plain, writeOnly properties left out.'), "type Schemas = { [Name in keyof components['schemas']]: Readable<components['schemas'][Name]> };"]
      : ["type Schemas = components['schemas'];"]),
    '',
  );
  if (declared) {
    out.push(
      shortDoc('The signature scheme as the profile declares it (x-svcgen-webhooks.scheme).'),
      `const scheme = declaredScheme(${literal(vendor)}, ${literal(model.delivery)}, ${literal(declared)} as const satisfies DeclaredSignature);`,
      'const verifyScheme = scheme.verify;',
      '',
    );
  }
  if (enveloped) {
    const path = `[${model.objectPath!.map(literal).join(', ')}]`;
    out.push(
      shortDoc(`An event named \`Name\` whose \`${model.objectPath!.join('.')}\` is \`Obj\`.`),
      `type Event<Name extends string, Obj> = EnvelopedEvent<${schemaType(model.envelope)}, ${discriminator}, Name, ${path}, Obj>;`,
    );
  } else {
    out.push(
      shortDoc(form ? 'An event whose discriminator holds `Name`, its fields as the form carries them (text).' : 'An event whose discriminator holds `Name`.'),
      `type Event<Name extends string, Ev> = NamedEvent<${form ? 'FormFields<Ev>' : 'Ev'}, ${discriminator}, Name>;`,
    );
  }
  out.push('', shortDoc(`Every ${prefix} webhook event, by its \`${model.discriminator}\`.`), `export interface ${names.events} {`);
  for (const event of model.events) {
    if (event.description) out.push(shortDoc(event.description, '  '));
    out.push(`  ${propertyKey(event.name)}: Event<${literal(event.name)}, ${schemaType(event.schema)}>;`);
  }
  out.push('}', '');

  const payloadType = model.delivery === 'array' ? `${names.event}[]` : names.event;
  const defaults: Record<string, unknown> = { toleranceSeconds: model.toleranceSeconds };
  if (model.headers) {
    defaults.signatureHeader = model.headers.signature;
    if (model.headers.timestamp) defaults.timestampHeader = model.headers.timestamp;
  }
  out.push(
    `export type ${names.eventName} = keyof ${names.events};`,
    `export type ${names.event} = ${names.events}[${names.eventName}];`,
    shortDoc(model.delivery === 'array' ? 'One delivery: a batch of events.' : 'One delivery: a single event.'),
    `export type ${names.payload} = ${payloadType};`,
    '',
    `const defaults = ${literal(defaults)} as const satisfies VerifyOptions;`,
    '',
    docComment([
      `Verifies one ${prefix} webhook delivery on its raw body (never a re-serialised one) and parses it.`,
      'Never throws: a failure carries a `reason` code and a `detail` free of secrets.',
    ]),
    `export function ${names.verify}(`,
    '  body: RawBody,',
    '  headers: HeaderSource,',
    '  secret: WebhookSecret,',
    '  options?: VerifyOptions,',
    `): Promise<VerifyResult<${names.payload}>> {`,
    // The verifier itself rather than verifyWithScheme(scheme, …): a Worker that only verifies then
    // bundles no scheme object. The cast is what verifyWithScheme would do: the event map was
    // generated from the same description the vendor's payloads follow.
    `  return verifyScheme(body, headers, secret, { ...defaults, ...options }) as Promise<VerifyResult<${names.payload}>>;`,
    '}',
    '',
    shortDoc(`Dispatches verified events to handlers typed by \`${model.discriminator}\`${model.delivery === 'array' ? ', one batch item at a time' : ''}.`),
    `export function ${names.router}(`,
    `  handlers: WebhookHandlers<${names.events}>,`,
    `  options?: Omit<WebhookRouterOptions<${names.event}>, 'discriminator'>,`,
    `): WebhookRouter<${names.events}> {`,
    `  return createWebhookRouter<${names.events}>(handlers, { ...options, discriminator: ${discriminator} });`,
    '}',
    '',
    docComment([
      'Hono middleware: verifies the raw body, answers 400/401 with `{ error: reason }`, and puts the',
      "verified payload at `c.get('webhookEvent')` for the route.",
    ]),
    `export function ${names.middleware}<E extends Env = Env>(`,
    '  options: WebhookMiddlewareOptions<E>,',
    `): MiddlewareHandler<E & { Variables: WebhookVariables<${names.payload}> }> {`,
    `  return createWebhookMiddleware<${names.payload}, E>(scheme, { ...defaults, ...options });`,
    '}',
  );
  return out.join('\n') + '\n';
}

/** A TypeScript type for a schema, in terms of openapi-typescript's `components` where possible. */
function schemaType(schema: SchemaObject | undefined): string {
  if (schema === undefined) return UNTYPED_OBJECT;
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const name = COMPONENT_REF.exec(ref)?.[1];
    return name === undefined ? 'unknown' : `Schemas[${literal(name.replace(/~1/g, '/').replace(/~0/g, '~'))}]`;
  }
  for (const [keyword, joiner] of [['oneOf', ' | '], ['anyOf', ' | '], ['allOf', ' & ']] as const) {
    const parts = schema[keyword];
    if (Array.isArray(parts) && parts.length > 0) {
      return parts.length === 1 ? schemaType(parts[0] as SchemaObject) : `(${parts.map((p) => schemaType(p as SchemaObject)).join(joiner)})`;
    }
  }
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => literal(v)).join(' | ') || 'never';
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return `${wrap(schemaType(schema.items as SchemaObject | undefined))}[]`;
    case 'object':
      return objectType(schema);
    default:
      return 'unknown';
  }
}

function objectType(schema: SchemaObject): string {
  const properties = Object.entries((schema.properties ?? {}) as Record<string, SchemaObject>);
  if (properties.length === 0) return UNTYPED_OBJECT;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const members = properties.map(([key, value]) => `${propertyKey(key)}${required.has(key) ? '' : '?'}: ${schemaType(value)}`);
  if (schema.additionalProperties !== false) members.push('[key: string]: unknown');
  return `{ ${members.join('; ')} }`;
}

function wrap(type: string): string {
  return /^[\w[\]'"]+$/.test(type) ? type : `(${type})`;
}

/** A one-line doc comment for short text, the block form otherwise; `indent` prefixes every line. */
function shortDoc(text: string, indent = ''): string {
  const line = text.trim();
  const comment = line.includes('\n') || line.length > 100 ? docComment([line]) : `/** ${line.replace(/\*\//g, '*\\/')} */`;
  return comment
    .split('\n')
    .map((l) => indent + l)
    .join('\n');
}

function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
