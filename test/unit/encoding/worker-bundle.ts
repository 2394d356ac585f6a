// What a Worker that creates a generated client and calls one operation bundles, by esbuild with
// the Worker conditions: the runtime modules that contribute code (esbuild's metafile) and the
// bundle's text.
import path from 'node:path';
import { build } from 'esbuild';
import { ROOT, type SpecProject } from '../auth/spec-project.ts';

export interface WorkerBundle {
  /** The runtime modules (`runtime/…`) with code in the bundle, sorted. */
  modules: string[];
  /** The bundle, unminified (function names as written). */
  text: string;
}

/** Bundles a Worker calling `METHOD route` of `vendor` (generated in `project`) through its client. */
export async function bundleOperation(project: SpecProject, vendor: string, displayName: string, method: string, route: string): Promise<WorkerBundle> {
  const generated = project.vendors[vendor]!;
  const op = generated.model.operations.find((o) => o.method.toUpperCase() === method && o.path === route);
  if (!op) throw new Error(`no operation ${method} ${route}`);
  const dir = path.join(project.root, 'generated', vendor);
  const entry = [
    `import { create${displayName}Client } from ${JSON.stringify(path.join(dir, 'client.ts'))};`,
    `import { ${op.functionName} } from ${JSON.stringify(path.join(dir, 'operations.js'))};`,
    `export default (key) => ${op.functionName}(create${displayName}Client({ apiKey: key }), {});`,
  ].join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['svcgen-source', 'workerd', 'worker', 'browser'],
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
  const modules = Object.entries(inputs)
    .filter(([file, info]) => file.startsWith('runtime/') && info.bytesInOutput > 0)
    .map(([file]) => file)
    .sort();
  return { modules, text: result.outputFiles[0]!.text };
}
