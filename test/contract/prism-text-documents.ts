// Loaded into Prism's process (`node --import`) before the CLI starts. Prism 5.16's server parses
// a request body as JSON only under application/json and application/*+json (prism-http-server
// server.js, parseRequestBody); any other type arrives as text, so a body whose media type names
// a document format Prism does not parse is judged as a string against the spec's object schema
// ("Request body must be object") whatever the client sends:
//   - `text/json`, the older name of JSON, which some specs declare alone;
//   - YAML (application/x-yaml, application/yaml, text/yaml, +yaml).
// Measured on Prism 5.16.0; test/unit/contract/prism-text-json.test.ts and prism-yaml.test.ts pin it.
//
// This parses such a body (JSON with JSON.parse, YAML with Prism's own @stoplight/yaml) before
// Prism's own body validation; text that does not parse stays text, so the schema check still
// reports it.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TEXT_JSON_MEDIA_TYPE, YAML_MEDIA_TYPE } from './prism-body-media.ts';

const requireFromPrism = createRequire(join(process.cwd(), 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'));
const validators = requireFromPrism('@stoplight/prism-http/dist/validator/validators') as Record<string, (...args: any[]) => unknown>;
const yaml = requireFromPrism('@stoplight/yaml') as { parse: (text: string) => unknown };

const PARSERS: { mediaType: RegExp; parse: (text: string) => unknown }[] = [
  { mediaType: TEXT_JSON_MEDIA_TYPE, parse: JSON.parse },
  { mediaType: YAML_MEDIA_TYPE, parse: yaml.parse },
];

function parsed(text: string, parse: (text: string) => unknown): unknown {
  try {
    return parse(text);
  } catch {
    return text;
  }
}

const prismValidateBody = validators.validateBody!;

validators.validateBody = (target: unknown, specs: unknown, context: unknown, mediaType: string | undefined, ...rest: unknown[]) => {
  const parser = typeof target === 'string' ? PARSERS.find((p) => p.mediaType.test(mediaType ?? '')) : undefined;
  return prismValidateBody(parser ? parsed(target as string, parser.parse) : target, specs, context, mediaType, ...rest);
};
