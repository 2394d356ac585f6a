// The parts of @cloudflare/vitest-plugin's `cloudflare:test` module the dedupe-object test uses
// (the project does not depend on @cloudflare/workers-types, so stubs are typed loosely here).
declare module 'cloudflare:test' {
  /** Runs the alarm of the object behind `stub` now, if one is set; true when one ran. */
  export function runDurableObjectAlarm(stub: unknown): Promise<boolean>;
  /** Tears down the object's instance (its memory), keeping its durable storage. */
  export function evictDurableObject(stub: unknown): Promise<void>;
}
