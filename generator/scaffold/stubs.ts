// The text svcgen writes into a user's routes file: one route stub per operation, one empty typed
// handler per webhook event, the webhook section, and the skeleton of a new file. Every stub starts
// as the user's code: these functions are only called for things the file does not have yet.
import type { ApiModel, OperationModel } from '../model/types.ts';
import { hasSuccessWithoutContent, streamsEvents } from '../emit/encoders.ts';
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
  } else if (returnsJson(op)) lines.push(`  const data = await ${call};`, '  return c.json(data);');
  else lines.push(`  await ${call};`, '  return c.body(null, 204);');
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

function returnsJson(op: OperationModel): boolean {
  return op.responses.some((r) => /^2/.test(r.status) && r.mediaType !== undefined && /json/i.test(r.mediaType));
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
 * Client options read from bindings. A client with shorthand options takes those (see
 * credentialBindings). One whose every call needs a credential and that has no shorthand (several
 * schemes) gets `auth` for the spec's first alternative the client can send, each scheme's
 * credential from bindings named after it: without one the options type refuses the skeleton.
 */
export function credentialOptions(model: ApiModel): CredentialOptions {
  const plain = credentialBindings(model);
  const auth = model.auth;
  if (plain.length || auth.kind !== 'schemes' || !credentialsRequired(auth)) {
    return { bindings: plain.map((c) => c.binding), lines: plain.map((c) => `${c.name}: c.env.${c.binding},`) };
  }
  const alternative = auth.security.find((names) => names.length > 0 && names.every((name) => Object.hasOwn(auth.schemes, name))) ?? [];
  const bindings: string[] = [];
  const members = alternative.map((name) => {
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
  return members.length ? { bindings, lines: ['auth: {', ...members, '},'] } : { bindings: [], lines: [] };
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

export function skeleton(model: ApiModel, generatedSpecifier: string): string {
  return renderTemplate('routes/scaffold.ts.hbs', {
    displayName: model.displayName,
    client: `${generatedSpecifier}/client.ts`,
    credentials: credentialOptions(model),
  });
}
