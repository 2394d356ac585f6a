// Loaded into Prism's process (`node --import`) before the CLI starts. Prism 5.16's server parses
// a request body as JSON only under application/json and application/*+json (prism-http-server
// server.js, parseRequestBody); any other type arrives as text, so a `text/json` body (the older
// name of JSON, which some specs declare alone) is judged as a string against the spec's object
// schema ("Request body must be object") whatever the client sends. Measured on Prism 5.16.0;
// test/unit/contract/prism-text-json.test.ts pins it.
//
// This parses a text/json body (parameters allowed) as JSON before Prism's own body validation;
// text that is not JSON stays text, so the schema check still reports it.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const requireFromPrism = createRequire(join(process.cwd(), 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'));
const validators = requireFromPrism('@stoplight/prism-http/dist/validator/validators') as Record<string, (...args: any[]) => unknown>;

const TEXT_JSON = /^text\/json\s*(?:;|$)/i;

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const prismValidateBody = validators.validateBody!;

validators.validateBody = (target: unknown, specs: unknown, context: unknown, mediaType: string | undefined, ...rest: unknown[]) =>
  prismValidateBody(typeof target === 'string' && TEXT_JSON.test(mediaType ?? '') ? parsed(target) : target, specs, context, mediaType, ...rest);
