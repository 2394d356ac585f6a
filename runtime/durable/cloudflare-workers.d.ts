// The slice of workerd's built-in `cloudflare:workers` module that SharedLimiter uses; the
// project does not depend on @cloudflare/workers-types.
declare module 'cloudflare:workers' {
  export abstract class DurableObject<Env = unknown> {
    protected ctx: unknown;
    protected env: Env;
    constructor(ctx: unknown, env: Env);
  }
}
