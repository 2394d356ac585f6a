// client.ts of a vendor: the profile constant the runtime reads, typed client and call options,
// and the create<Vendor>Client factory. The skeleton is a handlebars template; the data is the model.
import type { ApiModel } from '../model/types.ts';
import { fileHeader } from './header.ts';
import { renderTemplate } from './template.ts';
import { literal, prettyLiteral } from './text.ts';

interface OptionDoc {
  name: string;
  required: boolean;
  doc: string;
}

function credentialOptions(model: ApiModel): OptionDoc[] {
  const auth = model.auth;
  if (auth.kind === 'token-exchange') {
    const loginOp = model.operations.find((o) => o.id === auth.loginOperation);
    return Object.entries(auth.credentialHeaders).map(([header, name]) => ({
      name,
      required: Boolean(loginOp?.parameters.find((p) => p.name.toLowerCase() === header.toLowerCase())?.required),
      doc: `Sent as \`${header}\` to ${auth.loginPath} to obtain an access token.`,
    }));
  }
  return [{ name: 'apiKey', required: true, doc: `API key, sent as \`Authorization: ${auth.kind === 'basic' ? 'Basic' : 'Bearer'}\`.` }];
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
    auth: model.auth,
  };
  if (model.apiVersion) profile.apiVersion = model.apiVersion;
  profile.clientHeaders = clientHeaders;
  profile.callHeaders = { ...headerOptions(model, 'call-option'), ...model.callHeaders };
  profile.policy = model.policy;
  return profile;
}

export function emitClient(model: ApiModel): string {
  const profile = runtimeProfile(model);
  const clientOptions = credentialOptions(model);
  if (model.apiVersion) {
    const pinned = model.apiVersion.value ? `; defaults to ${model.apiVersion.value}, the spec's version` : '';
    clientOptions.push({ name: model.apiVersion.optionName, required: false, doc: `Sent as \`${model.apiVersion.header}\`${pinned}.` });
  }
  for (const [name, header] of Object.entries(profile.clientHeaders as Record<string, string>)) {
    clientOptions.push({ name, required: false, doc: `Sent as \`${header}\` on every call.` });
  }
  const callOptions = Object.entries(profile.callHeaders as Record<string, string>).map(([name, header]) => ({ name, header }));
  return renderTemplate('client.ts.hbs', {
    header: fileHeader(model.vendor, `The ${model.displayName} client.`),
    displayName: model.displayName,
    profileName: `${model.vendor.replace(/[^A-Za-z0-9]/g, '')}Profile`,
    profile: prettyLiteral(profile),
    serverNames: model.servers.map((s) => literal(s.name)).join(' | '),
    clientOptions,
    callOptions,
    tokenExchange: model.auth.kind === 'token-exchange',
  });
}
