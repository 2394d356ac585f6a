// Loaded into Prism's process (`node --import`) before the CLI starts. Prism 5.16's router
// (prism-http router/matchPath.js) turns each templated path segment into a RegExp that is not
// anchored, so a segment template matches any request segment that merely CONTAINS its shape:
// `{name}:export` matches `sample:exportFeatureValues`. Google-style action paths collide this
// way (`/v1/{name}:export` beside `/v1/{entityType}:exportFeatureValues`); both score the same in
// the router's ranking, and Prism may judge the request against the other operation. Reading its
// path values against that operation's template then fails (uri-template-lite's match gives null)
// and Prism reports the other operation's path parameter missing. Here a templated segment must
// match the whole request segment, as OpenAPI's path templating means; everything else (segment
// count, literal segments, the concrete/templated result) is Prism's own matchPath.
import { createRequire } from 'node:module';
import { join } from 'node:path';

type Either = { _tag: 'Left' | 'Right'; right?: unknown };
type MatchPath = (requestPath: string, operationPath: string) => Either;

const fromCli = createRequire(join(process.cwd(), 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'));
const matchPathFile = fromCli.resolve('@stoplight/prism-http/dist/router/matchPath');
const fromRouter = createRequire(matchPathFile);
const router = fromRouter(matchPathFile) as { matchPath: MatchPath; isTemplated: (fragment: string) => boolean };
const { MatchType } = fromRouter('./types') as { MatchType: Record<'NOMATCH', unknown> };
const E = fromRouter('fp-ts/Either') as { right: (value: unknown) => Either };
const prismMatch = router.matchPath;

const decoded = (fragment: string): string => {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
};

/** The anchored form of Prism's segment RegExp (same escaping, same `(.*)` per template). */
function wholeSegment(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\\\{[^\\]+\\\}/g, '(.*)')}$`);
}

router.matchPath = (requestPath, operationPath) => {
  const result = prismMatch(requestPath, operationPath);
  if (result._tag !== 'Right' || result.right === MatchType.NOMATCH) return result;
  const requested = requestPath.split('/').slice(1).map(decoded);
  const templates = operationPath.split('/').slice(1).map(decoded);
  const whole = templates.every((template, i) => !router.isTemplated(template) || wholeSegment(template).test(requested[i]!));
  return whole ? result : E.right(MatchType.NOMATCH);
};
