// Type stripping, remembered across runs. In a checkout the CLI runs from its TypeScript sources,
// and Node strips their types at every start with amaro (swc compiled to WebAssembly), whose loading
// alone took 100-155 ms of CPU in profiles of an up-to-date `svcgen check` (docs/DESIGN-packaging.md).
// This load hook keeps each module's stripped text in one file per module URL, headed by a hash of
// the Node version, the URL and the source; an edited source does not match its entry and is
// stripped afresh, so amaro is loaded only when a source changed.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';

/**
 * Load hooks for module.registerHooks, caching under `dir` the modules whose URL starts with `scope`
 * (the checkout: its sources and its own config; the throw-away projects tests make would only leave
 * entries behind). Undefined when Node would not strip the way stripTypeScriptTypes does by default
 * (--experimental-transform-types, source maps enabled).
 */
export function typeStrippingCache(dir, scope) {
  if (process.features.typescript !== 'strip' || process.sourceMapsEnabled) return undefined;
  return {
    load(url, context, next) {
      const loaded = next(url, context);
      // Node refuses to strip under node_modules (Node 22.23 already in the load this hook calls);
      // the URL test keeps that so should a version leave the refusal to the stripping.
      if (loaded.format !== 'module-typescript' || !url.startsWith(scope) || url.includes('/node_modules/')) return loaded;
      const source = typeof loaded.source === 'string' ? loaded.source : new TextDecoder().decode(loaded.source);
      const key = createHash('sha256').update(`${process.version}\n${url}\n`).update(source).digest('hex');
      const file = join(dir, `${createHash('sha256').update(url).digest('hex').slice(0, 32)}.js`);
      const cached = readIfPresent(file);
      if (cached?.startsWith(`${key}\n`)) return { format: 'module', source: cached.slice(key.length + 1), shortCircuit: true };
      const code = strip(source, url);
      // Bad syntax: Node strips it itself and reports it as it would without this cache.
      if (code === undefined) return loaded;
      save(dir, file, `${key}\n${code}`);
      return { format: 'module', source: code, shortCircuit: true };
    },
  };
}

/** What Node's loader does to a .ts module in strip mode (whitespace for types, a sourceURL comment). */
function strip(source, url) {
  // stripTypeScriptTypes announces itself as experimental once per process; Node's own stripping,
  // which this stands in for, prints nothing, and the CLI's stderr is for its own messages.
  const emitWarning = process.emitWarning;
  process.emitWarning = () => {};
  try {
    return stripTypeScriptTypes(source, { mode: 'strip', sourceUrl: url });
  } catch {
    return undefined;
  } finally {
    process.emitWarning = emitWarning;
  }
}

function readIfPresent(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Through a temporary file and a rename, so concurrent runs never read half an entry; a failure (read-only, full disk) only costs the next run a strip. */
function save(dir, file, text) {
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}
