// Kept in step with package.json's version (a unit test checks it), so generated headers and the
// manifest name the generator that wrote them without reading package.json at run time.
export const GENERATOR_VERSION = '0.1.0';
