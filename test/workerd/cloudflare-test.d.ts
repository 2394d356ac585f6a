// The parts of workerd's `cloudflare:workers` module the workerd tests use (the project does
// not depend on @cloudflare/workers-types). Merges with runtime/durable/cloudflare-workers.d.ts.
declare module 'cloudflare:workers' {
  /** The Worker under test's own entrypoints, callable from a test. */
  export const exports: { default: { fetch(request: Request | string, init?: RequestInit): Promise<Response> } };
  export const env: unknown;
}
