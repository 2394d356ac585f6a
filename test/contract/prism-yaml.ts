// Loaded into Prism's process (`node --import`) before the CLI starts. Prism 5.16 reads any body
// that is not application/json or application/*+json as text (prism-http-server server.js,
// parseRequestBody), so a YAML request body (application/x-yaml, application/yaml, text/yaml,
// +yaml) is judged as a string against the spec's object schema ("Request body must be object")
// whatever the client sends. Measured on Prism 5.16.0; test/unit/contract/prism-yaml.test.ts pins it.
//
// This parses such a body with Prism's own YAML parser (@stoplight/yaml) before Prism's body
// validation; text that does not parse stays text, so the schema check still reports it.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const requireFromPrism = createRequire(join(process.cwd(), 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'));
const validators = requireFromPrism('@stoplight/prism-http/dist/validator/validators') as Record<string, (...args: any[]) => unknown>;
const yaml = requireFromPrism('@stoplight/yaml') as { parse: (text: string) => unknown };

const YAML = /^(?:application|text)\/(?:x-)?yaml\s*(?:;|$)|^[\w.-]+\/[\w.-]+\+yaml\s*(?:;|$)/i;

function parsed(text: string): unknown {
  try {
    return yaml.parse(text);
  } catch {
    return text;
  }
}

const prismValidateBody = validators.validateBody!;

validators.validateBody = (target: unknown, specs: unknown, context: unknown, mediaType: string | undefined, ...rest: unknown[]) =>
  prismValidateBody(typeof target === 'string' && YAML.test(mediaType ?? '') ? parsed(target) : target, specs, context, mediaType, ...rest);
