// What scaffolded routes send and answer, served through Hono with the vendor faked (fixture
// test/fixtures/scaffold-answers, added with `svcgen add` as a user would; shapes an init sweep of
// real specs found broken):
// - credentials follow the routes a file is made for: an operation that requires another scheme
//   than the spec's default gets it from a binding of its own (its route answered 500, "needs
//   credentials for token"), a file whose routes need none reads none (a declared scheme no
//   operation requires was read from a secret and never sent), and a later run that adds a route
//   needing a credential the file reads from no binding says so, as does one for a route whose
//   requirement no request can carry (two Authorization headers: it answered 500, unannounced);
// - a success body that is not JSON reaches the caller: bytes with the type they came with, text
//   (CSV) with its declared type, a body read by its own Content-Type as what it is, and 204 only
//   when the vendor sent nothing (each was answered 204, the body dropped).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addedProject, type AddedProject, type Said } from './added-project.ts';
import { ROOT, typeErrors } from './acme-project.ts';

vi.setConfig({ testTimeout: 60_000 });

let project: AddedProject;

const scaffold = (out: string, ...operations: string[]): Promise<Said> =>
  project.scaffold(['--vendor', 'answers', '--out', out, ...operations.flatMap((id) => ['--operation', id])]);

interface Sent {
  readonly method: string;
  readonly url: string;
  readonly key: string | null;
  readonly authorization: string | null;
}

/** Serves `requests` through the file's app with the vendor answering `answer(url)`; returns what reached it and the answers. */
async function serve(out: string, env: Record<string, string>, requests: [string, string][], answer: (url: URL) => Response): Promise<{ sent: Sent[]; answers: Response[] }> {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    sent.push({ method: request.method, url: request.url, key: request.headers.get('x-key'), authorization: request.headers.get('authorization') });
    return answer(new URL(request.url));
  });
  try {
    const app = await project.app(out);
    const answers: Response[] = [];
    for (const [method, path] of requests) answers.push(await app.request(path, { method }, env));
    return { sent, answers };
  } finally {
    vi.unstubAllGlobals();
  }
}

beforeAll(async () => {
  project = await addedProject('scaffold-answers', 'answers', join(ROOT, 'test/fixtures/scaffold-answers/openapi.json'));
  vi.stubEnv('SVCGEN_SPEC_MIRROR', project.mirror);
}, 120_000);

afterAll(() => {
  vi.unstubAllEnvs();
  project?.remove();
});

describe('scaffolded routes: credentials', () => {
  it('passes each scheme the file\'s routes require, from its own binding, and the vendor gets each where its operation wants it', async () => {
    const made = await scaffold('src/things.ts', 'getThing', 'deleteThing');
    expect(made.code, made.stderr).toBe(0);
    const text = project.read('src/things.ts');
    expect(text).toMatch(/export interface Bindings \{\n {2}ANSWERS_KEY: string;\n {2}ANSWERS_TOKEN: string;\n/);
    expect(await typeErrors([join(project.root, 'src/things.ts')])).toEqual([]);
    const { sent, answers } = await serve(
      'src/things.ts',
      { ANSWERS_KEY: 'key_answers_test', ANSWERS_TOKEN: 'tok_answers_test' },
      [
        ['GET', '/things/t1'],
        ['DELETE', '/admin/things/t1'],
      ],
      (url) => (url.pathname.startsWith('/admin') ? new Response(null, { status: 204 }) : Response.json({ id: 't1' })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 204]);
    expect(sent).toEqual([
      { method: 'GET', url: 'https://api.answers.test/things/t1', key: 'key_answers_test', authorization: null },
      { method: 'DELETE', url: 'https://api.answers.test/admin/things/t1', key: null, authorization: 'Bearer tok_answers_test' },
    ]);
  });

  it('reads no credential in a file whose routes need none, though the spec declares schemes', async () => {
    const made = await scaffold('src/ping.ts', 'ping');
    expect(made.code, made.stderr).toBe(0);
    const text = project.read('src/ping.ts');
    expect(text).not.toMatch(/ANSWERS_/);
    expect(await typeErrors([join(project.root, 'src/ping.ts')])).toEqual([]);
    const { sent, answers } = await serve('src/ping.ts', {}, [['GET', '/ping']], () => new Response('pong', { headers: { 'content-type': 'text/plain' } }));
    expect(await answers[0]!.text()).toBe('pong');
    expect(sent).toEqual([{ method: 'GET', url: 'https://api.answers.test/ping', key: null, authorization: null }]);
  });

  it('says which credential a route added later needs that the file reads from no binding', async () => {
    expect((await scaffold('src/later.ts', 'getThing')).code).toBe(0);
    const later = await scaffold('src/later.ts', 'getThing', 'deleteThing');
    expect(later.code).toBe(0);
    expect(later.stdout).toContain(
      '  note: route deleteThing needs token credentials, which this file reads from no binding: add `token` to the `auth` option of its client() (from ANSWERS_TOKEN), and declare it in Bindings\n',
    );
    // A route whose credential the file already reads: no note.
    expect((await scaffold('src/later.ts', 'getThing', 'deleteThing', 'getReport')).stdout).not.toContain('note: route getReport');
  });
});

describe('scaffolded routes: a requirement no request can carry', () => {
  it('says the route always fails, when the file is made and when the route is added later', async () => {
    const said = 'note: route postBoth requires login + token, which need more than one Authorization header: no request can carry them, so the route always fails\n';
    const made = await scaffold('src/both.ts', 'postBoth');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain(`  ${said}`);
    expect((await scaffold('src/things-both.ts', 'getThing')).stdout).not.toContain('postBoth');
    expect((await scaffold('src/things-both.ts', 'getThing', 'postBoth')).stdout).toContain(`  ${said}`);
    // svcgen init prints it under the routes file it writes.
    const init = await promisify(execFile)(process.execPath, [join(ROOT, 'bin/svcgen.js'), 'init', join(project.root, 'worker'), '--vendors', 'answers', '--from', project.root, '--operation', 'postBoth'], {
      cwd: project.root,
      env: { ...process.env, SVCGEN_SPEC_MIRROR: project.mirror },
    });
    expect(init.stdout).toContain(`  src/routes/answers.ts: 1 route(s), 0 webhook handler(s)\n    ${said}`);
  });
});

describe('scaffolded routes: answers that are not JSON', () => {
  it('hands on bytes, text and a body read by its Content-Type as they came, and 204 only for nothing', async () => {
    const made = await scaffold('src/answers.ts', 'getFile', 'getReport', 'getAnything', 'getMaybe');
    expect(made.code, made.stderr).toBe(0);
    expect(await typeErrors([join(project.root, 'src/answers.ts')])).toEqual([]);
    let maybe = 0;
    const { answers } = await serve(
      'src/answers.ts',
      { ANSWERS_KEY: 'key_answers_test' },
      [
        ['GET', '/files/f1'],
        ['GET', '/report.csv'],
        ['GET', '/anything'],
        ['GET', '/maybe'],
        ['GET', '/maybe'],
      ],
      (url) => {
        if (url.pathname === '/files/f1') return new Response(new Uint8Array([0, 1, 2, 255]), { headers: { 'content-type': 'image/png' } });
        if (url.pathname === '/report.csv') return new Response('a,b\n1,2\n', { headers: { 'content-type': 'text/csv' } });
        if (url.pathname === '/anything') return new Response('<ok/>', { headers: { 'content-type': 'application/xml' } });
        return maybe++ === 0 ? new Response('here', { headers: { 'content-type': 'text/plain' } }) : new Response(null, { status: 204 });
      },
    );
    const [file, report, anything, here, nothing] = answers as [Response, Response, Response, Response, Response];
    expect([file.status, file.headers.get('content-type'), [...new Uint8Array(await file.arrayBuffer())]]).toEqual([200, 'image/png', [0, 1, 2, 255]]);
    expect([report.status, report.headers.get('content-type'), await report.text()]).toEqual([200, 'text/csv', 'a,b\n1,2\n']);
    expect([anything.status, await anything.text()]).toEqual([200, '<ok/>']);
    expect([here.status, await here.text()]).toEqual([200, 'here']);
    expect(nothing.status).toBe(204);
  });
});
