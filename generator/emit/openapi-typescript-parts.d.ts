// openapi-typescript publishes types for its entry point only; these are the three modules the
// types emitter imports directly (see types.ts for why), typed with the entry point's own types.
declare module 'openapi-typescript/dist/transform/index.mjs' {
  import type { transformSchema } from 'openapi-typescript';
  const transform: typeof transformSchema;
  export default transform;
}

declare module 'openapi-typescript/dist/lib/utils.mjs' {
  export { resolveRef, scanDiscriminators } from 'openapi-typescript';
}

declare module 'openapi-typescript/dist/lib/ts.mjs' {
  export { astToString } from 'openapi-typescript';
}
