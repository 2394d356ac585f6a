// client.ts of a vendor: the profile constant the runtime reads, typed client and call options,
// and the create<Vendor>Client factory. The skeleton is a handlebars template; the data is the model.
import { shorthandOptions } from '../model/auth.ts';
import { clientNames } from '../model/module-names.ts';
import type { ApiModel, AuthModel, SecuritySchemeModel } from '../model/types.ts';
import { authStrategy } from './client-auth.ts';
import { errorShapeOf } from './error-shape.ts';
import { fileHeader } from './header.ts';
import { renderTemplate } from './template.ts';
import { literal, prettyLiteral, propertyKey } from './text.ts';

interface OptionDoc {
  name: string;
  required: boolean;
  doc: string;
  /** TypeScript type of the option (default `string`). */
  type?: string;
}

type SchemesAuth = Extract<AuthModel, { kind: 'schemes' }>;

/** Defuses `*\/` in spec text that lands inside a one-line doc comment. */
const inDoc = (text: string) => text.replace(/\*\//g, '*\\/');

function schemeDoc(scheme: SecuritySchemeModel): string {
  switch (scheme.type) {
    case 'apiKey':
      return `API key, sent as the \`${inDoc(scheme.name)}\` ${scheme.in === 'query' ? 'query parameter' : scheme.in}.`;
    case 'bearer':
      return 'Token, sent as `Authorization: Bearer`.';
    case 'basic':
      return 'Username and password, sent as `Authorization: Basic`.';
    case 'oauth2':
      return `OAuth2 client credentials, exchanged at ${inDoc(scheme.tokenUrl)} for an access token sent as \`Authorization: Bearer\`; or an access token you already hold (a string, or a function the client calls on every attempt for the current one), sent as is and not refreshed.`;
    case 'accessToken':
      return `Access token from your own ${accessTokenSource(scheme)}, or a function the client calls on every attempt for the current one, sent as \`Authorization: Bearer\` (the client neither obtains nor refreshes it).`;
  }
}

const FLOW_NAMES: Readonly<Record<string, string>> = {
  authorizationCode: 'authorization-code',
  clientCredentials: 'client-credentials',
  implicit: 'implicit',
  password: 'password',
};

/** `OAuth2 authorization-code/implicit flow`, `OpenID Connect login`. */
function accessTokenSource(scheme: Extract<SecuritySchemeModel, { type: 'accessToken' }>): string {
  if (scheme.source === 'openIdConnect') return 'OpenID Connect login';
  return scheme.flows.length ? `OAuth2 ${scheme.flows.map((f) => FLOW_NAMES[f] ?? f).join('/')} flow` : 'OAuth2 flow';
}

/** An access token as the runtime takes it (runtime/auth/token-source.ts): as is, or from a function. */
const ACCESS_TOKEN_TYPE = 'string | (() => string | Promise<string>)';

function schemeType(scheme: SecuritySchemeModel): string {
  if (scheme.type === 'basic') return '{ username: string; password: string }';
  if (scheme.type === 'oauth2') return `{ clientId: string; clientSecret: string } | ${ACCESS_TOKEN_TYPE}`;
  if (scheme.type === 'accessToken') return ACCESS_TOKEN_TYPE;
  return 'string';
}

/** The type of a shorthand option: the access token's for `accessToken`, a string otherwise. */
const shorthandType = (option: string): string => (option === 'accessToken' ? ACCESS_TOKEN_TYPE : 'string');

/** What a shorthand option holds, for its doc comment. */
function shorthandDoc(option: string, scheme: SecuritySchemeModel): string {
  if (option === 'apiKey') return scheme.type === 'bearer' ? 'Token' : 'API key';
  if (option === 'accessToken') return 'Access token (or a function returning the current one)';
  if (option === 'clientId' || option === 'clientSecret') return `The OAuth2 client ${option.slice('client'.length).toLowerCase()}`;
  return `The basic-auth ${option}`;
}

/** Every requirement needs a credential: then the options type demands the shorthand or `auth`. */
export function credentialsRequired(auth: SchemesAuth): boolean {
  const needs = (r: string[][]) => r.length > 0 && r.every((alternative) => alternative.length > 0);
  return needs(auth.security) && Object.values(auth.operations).every(needs);
}

/** The `auth` option's members, the shorthand options, and the alternative the options type requires. */
function schemeOptions(auth: SchemesAuth, authType: string) {
  const members = Object.entries(auth.schemes).map(([name, scheme]) => ({ key: propertyKey(name), type: schemeType(scheme), doc: schemeDoc(scheme) }));
  const options: OptionDoc[] = [];
  const unsupported = Object.entries(auth.unsupported).map(([name, why]) => `${name} (${why})`);
  // A spec with no scheme the client can send has no `<Name>Auth` type (the template declares
  // it from the members), so no `auth` option either.
  if (members.length) options.push({
    name: 'auth',
    required: false,
    type: authType,
    doc: `Credentials by the spec's security scheme names; each operation uses the first scheme (or set of schemes) it accepts that is given here.${
      unsupported.length ? ` Not supported, pass what they need in \`headers\`: ${inDoc(unsupported.join(', '))}.` : ''
    }`,
  });
  const scheme = auth.shorthand ? auth.schemes[auth.shorthand] : undefined;
  const shorthand = scheme ? shorthandOptions(scheme) : [];
  for (const name of shorthand) {
    options.push({ name, required: false, type: shorthandType(name), doc: `${shorthandDoc(name, scheme!)} for \`${inDoc(auth.shorthand!)}\` (shorthand of \`auth.${inDoc(auth.shorthand!)}\`).` });
  }
  const required = members.length && credentialsRequired(auth)
    ? [...(shorthand.length ? [`{ ${shorthand.map((n) => `${n}: ${shorthandType(n)}`).join('; ')} }`] : []), `{ auth: ${authType} }`].join(' | ')
    : undefined;
  return { members, options, required };
}

function tokenExchangeOptions(model: ApiModel, auth: Extract<AuthModel, { kind: 'token-exchange' }>): OptionDoc[] {
  const loginOp = model.operations.find((o) => o.id === auth.loginOperation);
  return Object.entries(auth.credentialHeaders).map(([header, name]) => ({
    name,
    required: Boolean(loginOp?.parameters.find((p) => p.name.toLowerCase() === header.toLowerCase())?.required),
    doc: `Sent as \`${header}\` to ${auth.loginPath} to obtain an access token.`,
  }));
}

/** What the runtime reads of the auth model (the unsupported schemes only matter to the docs). */
function runtimeAuth(auth: AuthModel): unknown {
  if (auth.kind === 'token-exchange') return auth;
  const { unsupported: _unsupported, ...rest } = auth;
  return rest;
}

/** Header-valued options, client-wide or per call, keyed by option name. */
function headerOptions(model: ApiModel, role: 'client-option' | 'call-option'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const op of model.operations) {
    for (const p of op.parameters) if (p.role === role && p.optionName) out[p.optionName] = p.name;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function runtimeProfile(model: ApiModel): Record<string, unknown> {
  const clientHeaders = headerOptions(model, 'client-option');
  if (model.apiVersion) delete clientHeaders[model.apiVersion.optionName];
  const profile: Record<string, unknown> = {
    vendor: model.vendor,
    servers: Object.fromEntries(model.servers.map((s) => [s.name, s.url])),
    auth: runtimeAuth(model.auth),
  };
  if (model.apiVersion) profile.apiVersion = model.apiVersion;
  profile.clientHeaders = clientHeaders;
  profile.callHeaders = { ...headerOptions(model, 'call-option'), ...model.callHeaders };
  profile.policy = model.policy;
  // Anchored on a non-alphanumeric (not \b), so `bad_key_<key>` is still caught; compiled once, when the module loads.
  if (model.secretShapes?.length) profile.secretShapes = model.secretShapes.map((source) => new RegExp(`(?<![A-Za-z0-9])(?:${source})`, 'g'));
  return profile;
}

export function emitClient(model: ApiModel, document: Record<string, any> = {}): string {
  const profile = runtimeProfile(model);
  const auth = model.auth;
  const names = clientNames(model.vendor, model.displayName);
  const schemes = auth.kind === 'schemes' ? schemeOptions(auth, names.auth) : undefined;
  const clientOptions = auth.kind === 'token-exchange' ? tokenExchangeOptions(model, auth) : schemes!.options;
  if (model.apiVersion) {
    const pinned = model.apiVersion.value ? `; defaults to ${model.apiVersion.value}, the spec's version` : '';
    clientOptions.push({ name: model.apiVersion.optionName, required: false, doc: `Sent as \`${model.apiVersion.header}\`${pinned}.` });
  }
  for (const [name, header] of Object.entries(profile.clientHeaders as Record<string, string>)) {
    clientOptions.push({ name, required: false, doc: `Sent as \`${header}\` on every call.` });
  }
  const callOptions = Object.entries(profile.callHeaders as Record<string, string>).map(([name, header]) => ({ name, header }));
  return renderTemplate('client.ts.hbs', {
    header: fileHeader(model.vendor, `The ${model.displayName} client.`, model.provenance),
    displayName: model.displayName,
    names,
    profile: prettyLiteral(profile),
    serverNames: model.servers.map((s) => literal(s.name)).join(' | '),
    clientOptions,
    callOptions,
    ...authStrategy(auth),
    errorDescriber: errorShapeOf(model, document) === 'envelope' ? 'describeEnvelopeError' : 'describeErrorBody',
    authMembers: schemes?.members,
    requiredCredentials: schemes?.required,
  });
}
