// One fixture spec generated for a test file by the real CLI (spec-project.ts), and its generated
// client called once per `send` through a capturing transport, so a test sees the request exactly
// as it would leave: its Content-Type and body bytes. Retries and logging are off, so one call is
// one request.
import { afterAll, beforeAll, expect } from 'vitest';
import { createSpecProject, type GeneratedVendor, type SpecProject } from '../auth/spec-project.ts';

export interface SentRequest {
  contentType: string;
  body: ArrayBuffer;
  /** The body decoded as UTF-8. */
  text: string;
}

export interface FixtureVendor {
  /** The generated vendor: its model, client and operations. */
  readonly vendor: GeneratedVendor;
  /** The throwaway project's root (generated/<vendor>/ lies below it). */
  readonly root: string;
  /** Calls `METHOD path` of the generated client with `body`; the one request it sent. */
  send(path: string, body: unknown, method?: string): Promise<SentRequest>;
}

/**
 * Generates `fixture` (an absolute path to a JSON spec) as `vendor` before the file's tests and
 * removes it after them. Call at the top of a test file.
 */
export function fixtureVendor(label: string, vendor: string, displayName: string, fixture: string): FixtureVendor {
  let project: SpecProject | undefined;
  beforeAll(async () => {
    project = await createSpecProject(label, [{ vendor, displayName, example: fixture }]);
  }, 120_000);
  afterAll(() => project?.remove());

  const generated = (): SpecProject => {
    if (!project) throw new Error(`${fixture}: the fixture project is not generated (used outside a test?)`);
    return project;
  };
  const generatedVendor = (): GeneratedVendor => generated().vendors[vendor]!;
  return {
    get vendor() {
      return generatedVendor();
    },
    get root() {
      return generated().root;
    },
    async send(path, body, method = 'POST') {
      const seen: SentRequest[] = [];
      const fetch = async (request: Request, init?: { body?: ArrayBuffer }) => {
        const bytes = await request.arrayBuffer();
        // The pipeline hands the buffered body in `init` too; both must be the same bytes.
        if (init?.body !== undefined) expect(new Uint8Array(init.body)).toEqual(new Uint8Array(bytes));
        seen.push({ contentType: request.headers.get('content-type') ?? '', body: bytes, text: new TextDecoder().decode(bytes) });
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      };
      const client = generatedVendor().create({ baseUrl: `https://api.${vendor}.test`, fetch, retry: false, logger: false });
      await generatedVendor().operation(method, path)(client, { body });
      expect(seen).toHaveLength(1);
      return seen[0]!;
    },
  };
}
