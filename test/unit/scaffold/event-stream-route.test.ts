// `svcgen scaffold` for operations whose success is an event stream (test/fixtures/event-stream):
// the route relays the vendor's stream to the caller as it arrives, under text/event-stream, and
// answers 204 where the vendor may answer without content. Before, the stub awaited the call and
// answered 204 whatever came, leaving the vendor's stream unread and its connection open.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runScaffold } from '../../../generator/scaffold/command.ts';
import { createSpecProject, ROOT, type SpecProject } from '../auth/spec-project.ts';
import { typeErrors } from './acme-project.ts';

const OUT = 'src/topics-routes.ts';
let project: SpecProject;

beforeAll(async () => {
  project = await createSpecProject('event-stream-routes', [{ vendor: 'topics', displayName: 'Topics', example: join(ROOT, 'test/fixtures/event-stream/event-stream.json') }]);
  vi.stubEnv('SVCGEN_SPEC_MIRROR', join(project.root, 'mirror'));
  let stderr = '';
  const code = await runScaffold(['--vendor', 'topics', '--out', OUT, '--operation', 'subscribe', '--operation', 'replay', '--operation', 'getTopic'], {
    cwd: project.root,
    stdout: { write: () => true },
    stderr: { write: (text: string) => ((stderr += text), true) },
  });
  if (code !== 0) throw new Error(`svcgen scaffold exited ${code}: ${stderr}`);
}, 120_000);

afterAll(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  project?.remove();
});

const file = () => join(project.root, OUT);

/** A vendor answer that stays open: one event now, then nothing until the reader cancels. */
function openEvents(): { response: Response; cancelled: Promise<void> } {
  let markCancelled: () => void = () => {};
  const cancelled = new Promise<void>((resolve) => (markCancelled = resolve));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('data: 1\n\n'));
    },
    cancel: () => markCancelled(),
  });
  return { response: new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }), cancelled };
}

describe('scaffolded routes for event-stream operations', () => {
  it('relay the stream, answer 204 where the vendor may send nothing, and type-check', async () => {
    const text = readFileSync(file(), 'utf8');
    expect(text).toContain("    const events = await subscribe(client(c), checked(SubscribeRequest, {\n");
    expect(text.match(/return c\.body\(events, 200, \{ 'content-type': 'text\/event-stream', 'cache-control': 'no-cache' \}\);/g)).toHaveLength(2);
    expect(text.match(/if \(!events\) return c\.body\(null, 204\);/g)).toHaveLength(1);
    // The JSON operation keeps its JSON answer.
    expect(text).toContain('    const data = await getTopic(client(c)');
    expect(await typeErrors([file()])).toEqual([]);
  }, 120_000);

  it('serve the first event before the vendor ends, and close the vendor stream when the caller goes away', async () => {
    const upstream = openEvents();
    vi.stubGlobal('fetch', async () => upstream.response);
    const app = (await import(/* @vite-ignore */ pathToFileURL(file()).href)).default as { request: (path: string, init?: RequestInit, env?: unknown) => Promise<Response> };
    const answer = await app.request('/topics/orders/events', {}, {});
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/event-stream');
    const reader = answer.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: 1\n\n');
    await reader.cancel();
    await upstream.cancelled;

    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    expect((await app.request('/topics/orders/replay', {}, {})).status).toBe(204);
  });
});
