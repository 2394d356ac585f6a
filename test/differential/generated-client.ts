// Our generated client for a vendor, loaded by path at test time (as the contract suite does) so
// the type-checker does not pull megabytes of generated types into the test project.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type OperationFunction = (client: unknown, init: object, options?: object) => Promise<unknown>;

export interface GeneratedClient {
  client: unknown;
  operation(functionName: string): OperationFunction;
}

export async function loadGeneratedClient(root: string, vendor: string, options: Record<string, unknown>): Promise<GeneratedClient> {
  const operations = (await import(pathToFileURL(join(root, 'generated', vendor, 'operations.js')).href)) as Record<string, unknown>;
  const clientModule = (await import(pathToFileURL(join(root, 'generated', vendor, 'client.ts')).href)) as Record<string, unknown>;
  const factory = Object.entries(clientModule).find(([name, value]) => /^create\w*Client$/.test(name) && typeof value === 'function');
  if (!factory) throw new Error(`generated/${vendor}/client.ts exports no create…Client function: run \`node bin/svcgen.js generate\``);
  // Policies off: a retry or a limiter's pause would add or delay requests the test compares.
  const client = (factory[1] as (o: object) => unknown)({ ...options, retry: false, rateLimit: false, breaker: false });
  return {
    client,
    operation(functionName) {
      const fn = operations[functionName];
      if (typeof fn !== 'function') throw new Error(`generated/${vendor}/operations.js has no function ${functionName}: regenerate`);
      return fn as OperationFunction;
    },
  };
}
