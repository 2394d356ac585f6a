// The text svcgen writes into a user's routes file: one route stub per operation, one empty typed
// handler per webhook event, the webhook section, and the skeleton of a new file. Every stub starts
// as the user's code: these functions are only called for things the file does not have yet.
import type { ApiModel, OperationModel } from '../model/types.ts';
import { renderTemplate } from '../emit/template.ts';
import { literal, propertyKey } from '../emit/text.ts';
import { webhookNames } from '../emit/routes.ts';
import type { HelperName } from './helpers.ts';
import { honoPath, operationInput } from './inputs.ts';

export const ROUTE_MARKER = 'svcgen:route';
export const WEBHOOKS_MARKER = 'svcgen:webhooks';

const HONO_METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'options']);

export interface Stub {
  text: string;
  helpers: Set<HelperName>;
}

export function routeStub(op: OperationModel, document: Record<string, any>, appName: string): Stub {
  const path = honoPath(op.path);
  const input = operationInput(op, document, '  ');
  const registration = HONO_METHODS.has(op.method)
    ? `${appName}.${op.method}(${literal(path)}, async (c) => {`
    : `${appName}.on(${literal(op.method.toUpperCase())}, ${literal(path)}, async (c) => {`;
  const call = `${op.functionName}(client(c)${input.init ? `, ${input.init}` : ''})`;
  const lines = [`// ${ROUTE_MARKER} ${op.id} ${op.method.toUpperCase()} ${op.path}`, registration];
  for (const { location, names } of input.optional) lines.push(`  // Optional ${location}: ${names.join(', ')}.`);
  if (op.pagination) lines.push(`  // ${op.functionName}All(client(c), …) walks every page.`);
  const encoding = op.requestBody?.encoding;
  if (encoding && encoding !== 'json' && encoding !== 'form') {
    lines.push(`  // The vendor takes ${op.requestBody!.mediaType}: build the body from the request (e.g. c.req.parseBody()).`);
  }
  if (returnsJson(op)) lines.push(`  const data = await ${call};`, '  return c.json(data);');
  else lines.push(`  await ${call};`, '  return c.body(null, 204);');
  lines.push('});');
  return { text: lines.join('\n'), helpers: input.helpers };
}

function returnsJson(op: OperationModel): boolean {
  return op.responses.some((r) => /^2/.test(r.status) && r.mediaType !== undefined && /json/i.test(r.mediaType));
}

export function eventStub(event: string, indent: string): string {
  return [
    `${indent}${propertyKey(event)}: async (event) => {`,
    `${indent}  // TODO: handle ${event}. Deliveries can repeat: make this idempotent.`,
    `${indent}  void event;`,
    `${indent}},`,
  ].join('\n');
}

/** Event stubs end with a comma; a list of them is joined with newlines. */
export function eventStubs(events: string[], indent: string): string {
  return events.map((e) => eventStub(e, indent)).join('\n');
}

/** `envType`: the file's Hono env type (`AppEnv` in scaffolded files), for typed `c.env` in options. */
export function webhookSection(model: ApiModel, appName: string, events: string[], envType: string | undefined): string {
  const names = webhookNames(model);
  const handlers = events.length ? `{\n${eventStubs(events, '      ')}\n    }` : '{}';
  return [
    `// ${WEBHOOKS_MARKER} POST ${names.defaultPath}: every delivery is verified before a handler runs.`,
    `${appName}.route(`,
    "  '/',",
    `  ${names.routes}${envType ? `<${envType}>` : ''}({`,
    `    secret: { env: ${literal(`${constantName(model.vendor)}_WEBHOOK_SECRET`)} },`,
    `    handlers: ${handlers},`,
    '  }),',
    ');',
  ].join('\n');
}

/** `airwallex` → `AIRWALLEX`, `clientId` → `CLIENT_ID`. */
export function constantName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/** Client options read from bindings: the credentials the generated client requires. */
export function credentialBindings(model: ApiModel): { name: string; binding: string }[] {
  const auth = model.auth;
  const names =
    auth.kind === 'token-exchange'
      ? Object.entries(auth.credentialHeaders)
          .filter(([header]) => {
            const login = model.operations.find((o) => o.id === auth.loginOperation);
            return login?.parameters.find((p) => p.name.toLowerCase() === header.toLowerCase())?.required ?? true;
          })
          .map(([, option]) => option)
      : ['apiKey'];
  return names.map((name) => ({ name, binding: `${constantName(model.vendor)}_${constantName(name)}` }));
}

export function skeleton(model: ApiModel, generatedSpecifier: string): string {
  return renderTemplate('routes/scaffold.ts.hbs', {
    displayName: model.displayName,
    client: `${generatedSpecifier}/client.ts`,
    credentials: credentialBindings(model),
  });
}
