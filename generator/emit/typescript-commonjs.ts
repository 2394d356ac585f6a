// The TypeScript compiler as a default export, loaded with require(): what `import ts from
// 'typescript'` resolves to in a thread that generates (see typescript-require.ts). Only the
// default export exists here, so a named import of 'typescript' in that thread fails at link time.
import { createRequire } from 'node:module';

const ts: typeof import('typescript') = createRequire(import.meta.url)('typescript');
export default ts;
