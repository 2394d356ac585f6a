// The text svcgen writes into a user's routes file: one route stub per operation, one empty typed
// handler per webhook event, the webhook section, and the skeleton of a new file. Every stub starts
// as the user's code: these functions are only called for things the file does not have yet.
import type { ApiModel, OperationModel } from '../model/types.ts';
import { hasSuccessWithoutContent, hasUndescribedSuccess, mixedSuccessReadings, readsByContentType, streamsEvents, successParseAs, successResponses } from '../model/success-reading.ts';
import { renderTemplate } from '../emit/template.ts';
import { literal, valueKey } from '../emit/text.ts';
import { typesOperationKey } from '../emit/types-key.ts';
import { webhookNames } from '../emit/routes.ts';
import type { HelperName } from './helpers.ts';
import { honoPath, operationInput } from './inputs.ts';
import { pascalWords } from '../emit/zod/identifiers.ts';
import { credentialOptionNames, shorthandOptions } from '../model/auth.ts';
import { credentialsRequired } from '../emit/client.ts';

export const ROUTE_MARKER = 'svcgen:route';
export const WEBHOOKS_MARKER = 'svcgen:webhooks';

const HONO_METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'options']);

export interface StubImport {
  module: string;
  name: string;
  typeOnly: boolean;
}

export interface Stub {
  text: string;
  helpers: Set<HelperName>;
  /** What the stub uses from the generated files. */
  imports: StubImport[];
}

export interface RouteStubOptions {
  /** The Hono app variable, or undefined to write a link of the file's route chain (`.post(…)`). */
  appName: string | undefined;
  /**
   * The operation's request validator export of schemas.js (`CreateWidgetRequest`): request schemas
   * only, so the Worker's bundle does not keep the response schemas the route never checks.
   */
  validator: string;
  /** How the file imports the generated files (`../generated/acme`). */
  generatedSpecifier: string;
}

/**
 * One route: body and params checked with the operation's zod schemas before the vendor call
 * (jsonBody validator, `checked`), the body typed from the operation, the answer the vendor's.
 * Chained (`appName` undefined), it is indented as a link of `const routes = app…`, so Hono's
 * `hc<AppType>` client infers its input and output.
 */
export function routeStub(op: OperationModel, document: Record<string, any>, options: RouteStubOptions): Stub {
  const path = honoPath(op.path);
  const input = operationInput(op, document, '  ');
  const target = options.appName ?? '';
  const validator = input.body
    ? `jsonBody<operations[${literal(typesOperationKey(op.id))}]>(${options.validator}${input.body === 'optional' ? ', true' : ''}), `
    : '';
  const registration = HONO_METHODS.has(op.method)
    ? `${target}.${op.method}(${literal(path)}, ${validator}async (c) => {`
    : `${target}.on(${literal(op.method.toUpperCase())}, ${literal(path)}, ${validator}async (c) => {`;
  const init = input.init && input.hasParams ? `checked(${options.validator}, ${input.init})` : input.init;
  const call = `${op.functionName}(client(c)${init ? `, ${init}` : ''})`;
  const lines = [`// ${ROUTE_MARKER} ${markerId(op.id)} ${op.method.toUpperCase()} ${op.path}`, registration];
  for (const { location, names } of input.optional) lines.push(`  // Optional ${location}: ${names.join(', ')}.`);
  if (op.pagination) lines.push(`  // ${op.functionName}All(client(c), …) walks every page.`);
  const encoding = op.requestBody?.encoding;
  if (encoding && encoding !== 'json' && encoding !== 'form') {
    lines.push(`  // The vendor takes ${op.requestBody!.mediaType}: build the body from the request (e.g. c.req.parseBody()).`);
  }
  if (streamsEvents(op)) {
    // Relayed as it arrives: when the caller goes away, the runtime cancels it and the vendor's connection closes.
    lines.push(`  const events = await ${call};`);
    if (hasSuccessWithoutContent(op)) lines.push('  if (!events) return c.body(null, 204);');
    lines.push("  return c.body(events, 200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });");
  } else lines.push(...answerLines(op, call));
  const spec = options.generatedSpecifier;
  const imports: StubImport[] = [{ module: `${spec}/operations.js`, name: op.functionName, typeOnly: false }];
  if (input.body || input.hasParams) imports.push({ module: `${spec}/schemas.js`, name: options.validator, typeOnly: false });
  if (input.body) imports.push({ module: `${spec}/types.js`, name: 'operations', typeOnly: true });
  if (options.appName !== undefined) {
    lines.push('});');
    return { text: lines.join('\n'), helpers: input.helpers, imports };
  }
  lines.push('})');
  const chained = lines.join('\n').split('\n');
  return { text: chained.map((line) => (line === '' ? line : `  ${line}`)).join('\n'), helpers: input.helpers, imports };
}

/** An operation id as a route marker writes it: a JSON string when it holds a space or a quote, so the marker reads back whole. */
export function markerId(id: string): string {
  return /[\s"]/.test(id) ? JSON.stringify(id) : id;
}

/** The request validator export name of an operation when schemas.d.ts is not there to ask. */
export function defaultRequestValidatorName(op: OperationModel): string {
  return `${pascalWords(op.id) || 'Operation'}Request`;
}

/**
 * How a route answers with what the call resolved to, as the client reads the vendor's success body
 * (model/success-reading.ts): JSON as JSON; text (CSV, XML …) as text of the declared media type;
 * bytes as they came, with the type they came with; a body read by its own Content-Type, by what it
 * turned out to be; nothing, when no success status has content (or this answer had none), as 204.
 */
function answerLines(op: OperationModel, call: string): string[] {
  const parseAs = successParseAs(op);
  const declared = successResponses(op).find((r) => r.mediaType)?.mediaType;
  if (declared === undefined && !hasUndescribedSuccess(op)) return [`  await ${call};`, '  return c.body(null, 204);'];
  const empty = hasSuccessWithoutContent(op) ? ['  if (data === undefined) return c.body(null, 204);'] : [];
  if (parseAs === undefined) return [`  const data = await ${call};`, '  return c.json(data);'];
  if (readsByContentType(op) || mixedSuccessReadings(op)) {
    return [
      `  const data: unknown = await ${call};`,
      '  if (data === undefined) return c.body(null, 204);',
      "  if (data instanceof Blob) return c.body(data.stream(), 200, { 'content-type': data.type || 'application/octet-stream' });",
      "  if (typeof data === 'string') return c.text(data);",
      '  return c.json(data as object);',
    ];
  }
  const type = literal(declared!.split(';')[0]!.trim());
  if (parseAs === 'text') return [`  const data = await ${call};`, ...empty, `  return c.body(data, 200, { 'content-type': ${type} });`];
  return [`  const data = await ${call};`, ...empty, `  return c.body(data.stream(), 200, { 'content-type': data.type || ${type} });`];
}

export function eventStub(event: string, indent: string): string {
  return [
    `${indent}${valueKey(event)}: async (event) => {`,
    `${indent}  // TODO: handle ${event}. Deliveries can repeat: make this idempotent.`,
    `${indent}  void event;`,
    `${indent}},`,
  ].join('\n');
}

/** Event stubs end with a comma; a list of them is joined with newlines. */
export function eventStubs(events: string[], indent: string): string {
  return events.map((e) => eventStub(e, indent)).join('\n');
}

/**
 * `envType`: the file's Hono env type (`AppEnv` in scaffolded files), for typed `c.env` in options;
 * `analyticsBinding`: the Analytics Engine binding the file declares, if any, for delivery data points.
 */
export function webhookSection(model: ApiModel, appName: string, events: string[], envType: string | undefined, analyticsBinding?: string): string {
  const names = webhookNames(model);
  const handlers = events.length ? `{\n${eventStubs(events, '      ')}\n    }` : '{}';
  return [
    `// ${WEBHOOKS_MARKER} POST ${names.defaultPath}: every delivery is verified before a handler runs.`,
    `${appName}.route(`,
    "  '/',",
    `  ${names.routes}${envType ? `<${envType}>` : ''}({`,
    `    secret: { env: ${literal(webhookSecretBinding(model))} },`,
    ...(analyticsBinding ? [`    analytics: { env: ${literal(analyticsBinding)} },`] : []),
    `    handlers: ${handlers},`,
    '  }),',
    ');',
  ].join('\n');
}

/** The binding the webhook section reads its signing secret from (`ACME_WEBHOOK_SECRET`). */
export function webhookSecretBinding(model: ApiModel): string {
  return `${constantName(model.vendor)}_WEBHOOK_SECRET`;
}

/** `acme` → `ACME`, `clientId` → `CLIENT_ID`. */
export function constantName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/** What the skeleton's client reads its credentials from: the bindings, and the option text `client()` passes. */
export interface CredentialOptions {
  readonly bindings: string[];
  /** `name: c.env.BINDING` lines of the client options (an `auth` object spread over several). */
  readonly lines: string[];
}

/**
 * Client options read from bindings, for the credentials the file's routes need: each operation's
 * first requirement the client can send (one already chosen for another operation first, then the
 * shorthand scheme alone), so a route never fails for want of a credential its spec asks for, and
 * no binding is read that no call sends. When they need only the shorthand scheme, the shorthand
 * options (credentialBindings); otherwise `auth` with each scheme's credential from bindings named
 * after it. A file with no route that needs one still passes what the spec's default requirement
 * asks for when every call of the client needs a credential: without it the options type refuses
 * the skeleton. Token exchange: the login's credential options.
 */
export function credentialOptions(model: ApiModel, operations: readonly OperationModel[] = []): CredentialOptions {
  const auth = model.auth;
  const plain = (credentials: { name: string; binding: string }[]): CredentialOptions => ({
    bindings: credentials.map((c) => c.binding),
    lines: credentials.map((c) => `${c.name}: c.env.${c.binding},`),
  });
  if (auth.kind !== 'schemes') return plain(credentialBindings(model));
  let names = schemesNeeded(auth, operations);
  if (!names.length && credentialsRequired(auth)) names = auth.shorthand ? [auth.shorthand] : (auth.security.find((alternative) => sendable(auth, alternative)) ?? []);
  if (!names.length) return { bindings: [], lines: [] };
  if (names.length === 1 && names[0] === auth.shorthand) return plain(credentialBindings(model));
  const bindings: string[] = [];
  const members = names.map((name) => {
    const scheme = auth.schemes[name]!;
    const binding = (option?: string) => {
      const text = `${constantName(model.vendor)}_${constantName(name)}${option ? `_${constantName(option)}` : ''}`;
      bindings.push(text);
      return `c.env.${text}`;
    };
    const value =
      scheme.type === 'basic'
        ? `{ username: ${binding('username')}, password: ${binding('password')} }`
        : scheme.type === 'oauth2'
          ? `{ clientId: ${binding('clientId')}, clientSecret: ${binding('clientSecret')} }`
          : binding();
    return `  ${valueKey(name)}: ${value},`;
  });
  return { bindings, lines: ['auth: {', ...members, '},'] };
}

type SchemesAuth = Extract<ApiModel['auth'], { kind: 'schemes' }>;

/**
 * The bindings a scheme's credential is read from in a skeleton: its own (`ACME_TOKEN`, or
 * `…_USERNAME` and `…_PASSWORD`), or for the shorthand scheme either those or the shorthand
 * options' (`ACME_API_KEY`); each entry lists bindings that together carry it.
 */
export function schemeBindingChoices(model: ApiModel, name: string): string[][] {
  const auth = model.auth;
  if (auth.kind !== 'schemes' || !Object.hasOwn(auth.schemes, name)) return [];
  const scheme = auth.schemes[name]!;
  const own = (option?: string) => `${constantName(model.vendor)}_${constantName(name)}${option ? `_${constantName(option)}` : ''}`;
  const choices = [scheme.type === 'basic' ? [own('username'), own('password')] : scheme.type === 'oauth2' ? [own('clientId'), own('clientSecret')] : [own()]];
  if (name === auth.shorthand) choices.push(credentialBindings(model).map((c) => c.binding));
  return choices;
}

/** Whether the client can send every scheme of a requirement alternative (an empty one needs none). */
function sendable(auth: SchemesAuth, alternative: readonly string[]): boolean {
  return alternative.length > 0 && alternative.every((name) => Object.hasOwn(auth.schemes, name));
}

/**
 * The schemes calls of `operations` send: none for an operation whose requirement is optional or
 * empty; else an alternative whose schemes are already chosen, the shorthand scheme alone, or the
 * first the client can send (an operation with none it can send is left to fail as the client says).
 */
export function schemesNeeded(auth: SchemesAuth, operations: readonly OperationModel[]): string[] {
  const chosen: string[] = [];
  for (const op of operations) {
    const requirement = Object.hasOwn(auth.operations, op.id) ? auth.operations[op.id]! : auth.security;
    // A requirement no request can meet (model/auth.ts unmetRequirement) fails whatever is passed.
    if (auth.unmet && Object.hasOwn(auth.unmet, op.id)) continue;
    if (requirement.length === 0 || requirement.some((alternative) => alternative.length === 0)) continue;
    const candidates = requirement.filter((alternative) => sendable(auth, alternative));
    const alternative =
      candidates.find((names) => names.every((name) => chosen.includes(name))) ??
      candidates.find((names) => names.length === 1 && names[0] === auth.shorthand) ??
      candidates[0];
    for (const name of alternative ?? []) if (!chosen.includes(name)) chosen.push(name);
  }
  return chosen;
}

/**
 * Client options read from bindings: the credentials the generated client takes as plain strings.
 * Token exchange: the login's credential options (those its login operation requires); spec
 * schemes: the shorthand scheme's options (`apiKey`, `username`+`password`, `clientId`+`clientSecret`).
 * A spec with several schemes and no shorthand gets none here (credentialOptions gives it `auth`).
 */
export function credentialBindings(model: ApiModel): { name: string; binding: string }[] {
  const auth = model.auth;
  let names: string[];
  if (auth.kind === 'token-exchange') {
    const login = model.operations.find((o) => o.id === auth.loginOperation);
    names = credentialOptionNames(auth).filter((option) => {
      const header = Object.entries(auth.credentialHeaders).find(([, name]) => name === option)![0];
      return login?.parameters.find((p) => p.name.toLowerCase() === header.toLowerCase())?.required ?? true;
    });
  } else {
    const scheme = auth.shorthand ? auth.schemes[auth.shorthand] : undefined;
    names = scheme ? shorthandOptions(scheme) : [];
  }
  return names.map((name) => ({ name, binding: `${constantName(model.vendor)}_${constantName(name)}` }));
}

/** A new routes file; `operations`: the routes it is created for, whose credentials its client passes. */
export function skeleton(model: ApiModel, generatedSpecifier: string, operations: readonly OperationModel[] = []): string {
  return renderTemplate('routes/scaffold.ts.hbs', {
    displayName: model.displayName,
    client: `${generatedSpecifier}/client.ts`,
    credentials: credentialOptions(model, operations),
  });
}
