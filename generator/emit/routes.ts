// routes.ts of a vendor with webhooks: a Hono app that receives the vendor's deliveries on Workers.
// It only assembles what webhooks.ts already provides (middleware, typed router): verification
// happens before any handler runs, and a delivery is either handled inline or handed to a
// Cloudflare Queue so the vendor gets its 2xx at once. Client-backed routes are user code and
// come from `svcgen scaffold`, not from here.
import type { ApiModel } from '../model/types.ts';
import { fileHeader } from './header.ts';
import { docComment, literal } from './text.ts';

/** Names of the webhook exports of a vendor; must agree with emit/webhooks.ts. */
export function webhookNames(model: ApiModel): {
  prefix: string;
  events: string;
  event: string;
  payload: string;
  router: string;
  middleware: string;
  routes: string;
  routesOptions: string;
  consumer: string;
  defaultPath: string;
} {
  const prefix = model.webhooks?.namePrefix ?? model.displayName;
  const lower = prefix[0]!.toLowerCase() + prefix.slice(1);
  return {
    prefix,
    events: `${prefix}WebhookEvents`,
    event: `${prefix}WebhookEvent`,
    payload: `${prefix}WebhookPayload`,
    router: `create${prefix}WebhookRouter`,
    middleware: `${lower}WebhookMiddleware`,
    routes: `create${prefix}WebhookRoutes`,
    routesOptions: `${prefix}WebhookRoutesOptions`,
    consumer: `consume${prefix}WebhookQueue`,
    defaultPath: `/webhooks/${model.vendor}`,
  };
}

export function emitRoutes(model: ApiModel): string {
  const webhooks = model.webhooks;
  if (!webhooks) throw new Error(`routes of ${model.vendor}: the model has no webhooks (emit routes.ts only when it has)`);
  const n = webhookNames(model);
  const batched = webhooks.delivery === 'array';
  const out = [
    fileHeader(model.vendor, `Hono routes for Workers: the ${n.prefix} webhook receiver and its Queue consumer.`).trimEnd(),
    '',
    "import { Hono, type Context, type Env } from 'hono';",
    "import type { VerifyOptions, WebhookHandlers, WebhookSecret, WebhookVariables } from 'svcgen/runtime/webhooks';",
    `import { ${n.router}, ${n.middleware}, type ${n.event}, type ${n.events}, type ${n.payload} } from './webhooks.ts';`,
    '',
    docComment(['A value, the name of a binding in `c.env` (`{ env: \'NAME\' }`), or a function of the request.']),
    'export type FromEnv<T, E extends Env = Env> = T | { readonly env: string } | ((c: Context<E>) => T | Promise<T>);',
    '',
    docComment(['What the receiver needs of a Cloudflare Queue producer binding (`Queue<Body>` fits).']),
    'export interface WebhookQueue<Body> {',
    '  send(body: Body): Promise<void>;',
    '}',
    '',
    docComment(['What the consumer needs of a Cloudflare `MessageBatch<Body>`.']),
    'export interface WebhookQueueBatch<Body> {',
    '  readonly messages: readonly { readonly body: Body; ack(): void; retry(): void }[];',
    '}',
    '',
    `export interface ${n.routesOptions}<E extends Env = Env> extends VerifyOptions {`,
    '  /**',
    "   * The signing secret(s) or public key(s): a value, `{ env: 'BINDING' }`, or a function of the",
    '   * request. Several values are accepted while the vendor rotates them. A missing binding is a',
    '   * deployment error: the request fails with 500, so the vendor redelivers once it is fixed.',
    '   */',
    '  readonly secret: FromEnv<WebhookSecret, E>;',
    `  /** Handlers by event name, each typed by its event. Deliveries repeat: make them idempotent. */`,
    `  readonly handlers?: WebhookHandlers<${n.events}>;`,
    '  /**',
    '   * Hand each verified delivery to this queue and answer 202 at once, instead of running the',
    `   * handlers before answering; \`${n.consumer}\` runs them on the consumer side.`,
    '   */',
    `  readonly queue?: FromEnv<WebhookQueue<${n.payload}>, E>;`,
    `  /** Called for events without a handler (inline mode). */`,
    `  readonly onUnhandled?: (event: ${n.event}) => unknown;`,
    `  /** Route path; default ${literal(n.defaultPath)}. */`,
    '  readonly path?: string;',
    '}',
    '',
    docComment([
      `A Hono app with \`POST ${n.defaultPath}\`: the body is verified as received (400 or 401 with`,
      '`{ error: reason }` when it is malformed or not authentic), then either handled inline',
      `(200 once every handler has finished; a handler's error answers 500 so the vendor redelivers)`,
      'or queued (202). Mount it with `app.route(\'/\', …)`.',
    ]),
    `export function ${n.routes}<E extends Env = Env>(options: ${n.routesOptions}<E>): Hono<E> {`,
    `  const { secret, handlers = {}, queue, onUnhandled, path = ${literal(n.defaultPath)}, ...verifyOptions } = options;`,
    `  const router = ${n.router}(handlers, onUnhandled ? { onUnhandled } : {});`,
    '  const app = new Hono<E>();',
    '  app.post(',
    '    path,',
    `    ${n.middleware}<E>({ ...verifyOptions, secret: (c) => fromEnv(c, secret, isSecret, 'secret') }),`,
    `    async (c: Context<E & { Variables: WebhookVariables<${n.payload}> }>) => {`,
    "      const payload = c.get('webhookEvent');",
    '      if (queue !== undefined) {',
    '        // The verified-payload variable is the only difference from the app\'s own context.',
    `        const target = await fromEnv(c as unknown as Context<E>, queue, isQueue<${n.payload}>, 'queue');`,
    '        await target.send(payload);',
    '        return c.json({ received: true, queued: true }, 202);',
    '      }',
    '      const report = await router.dispatch(payload);',
    '      return c.json({ received: true, handled: report.handled.length, unhandled: report.unhandled.length }, 200);',
    '    },',
    '  );',
    '  return app;',
    '}',
    '',
    docComment([
      `The Queue consumer of deliveries queued by \`${n.routes}\`: runs the handlers of each message`,
      ...(batched ? ['(a batch of events, item by item),'] : []),
      "acks it when they succeed and retries it when one throws, so the queue's retry limit and",
      'dead-letter queue apply.',
    ]),
    `export async function ${n.consumer}(`,
    `  batch: WebhookQueueBatch<${n.payload}>,`,
    `  handlers: WebhookHandlers<${n.events}>,`,
    `  onUnhandled?: (event: ${n.event}) => unknown,`,
    '): Promise<void> {',
    `  const router = ${n.router}(handlers, onUnhandled ? { onUnhandled } : {});`,
    '  for (const message of batch.messages) {',
    '    try {',
    '      await router.dispatch(message.body);',
    '      message.ack();',
    '    } catch {',
    '      message.retry();',
    '    }',
    '  }',
    '}',
    '',
    'function isSecret(value: unknown): value is WebhookSecret {',
    "  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));",
    '}',
    '',
    'function isQueue<Body>(value: unknown): value is WebhookQueue<Body> {',
    "  return typeof (value as WebhookQueue<Body> | null)?.send === 'function';",
    '}',
    '',
    '/** Resolves an option given as a value, a binding name or a function; never reveals a value in errors. */',
    'async function fromEnv<T, E extends Env>(',
    '  c: Context<E>,',
    '  source: FromEnv<T, E>,',
    '  accept: (value: unknown) => value is T,',
    '  what: string,',
    '): Promise<T> {',
    "  if (typeof source === 'function') return (source as (c: Context<E>) => T | Promise<T>)(c);",
    "  if (source !== null && typeof source === 'object' && 'env' in source && !accept(source)) {",
    '    const bound = (c.env as Record<string, unknown> | undefined)?.[source.env];',
    `    if (!accept(bound)) throw new Error(\`${model.vendor} webhooks: the \${what} binding '\${source.env}' is missing or of the wrong type\`);`,
    '    return bound;',
    '  }',
    '  return source as T;',
    '}',
  ];
  return out.join('\n') + '\n';
}
