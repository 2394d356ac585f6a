// What a Swagger 2.0 file must hold before swagger2openapi converts it, checked here so a refusal
// names its place (the converter names none, and a `basePath` that is not text stops it with a
// TypeError): `info` with a `title` and a textual `version`, a `termsOfService` that is a URL,
// a `paths` object, `host` and `basePath` as text (the converter's own rules), and schemas the types can be
// generated from (schema-shapes.ts, over `definitions` and every `schema`).
import { SvcgenInputError } from './errors.ts';
import { describe, findSchemaShapeProblem } from './schema-shapes.ts';

export function checkSwagger2Source(swagger: Record<string, unknown>, file: string): void {
  const refuse = (pointer: string, problem: string): never => {
    throw new SvcgenInputError({ file, pointer }, problem);
  };
  const info = swagger['info'];
  if (info === null || typeof info !== 'object' || Array.isArray(info)) refuse('/info', `the info object is mandatory, found ${describe(info)}`);
  const { title, version, termsOfService } = info as Record<string, unknown>;
  if (title === undefined || title === null) refuse('/info/title', 'info.title is mandatory');
  if (typeof version !== 'string') refuse('/info/version', `info.version must be text, found ${describe(version)}`);
  if (termsOfService !== undefined && !(typeof termsOfService === 'string' && URL.canParse(termsOfService))) {
    refuse('/info/termsOfService', `info.termsOfService must be a URL, found ${describe(termsOfService)}`);
  }
  const paths = swagger['paths'];
  if (paths === null || typeof paths !== 'object' || Array.isArray(paths)) refuse('/paths', `the paths object is mandatory, found ${describe(paths)}`);
  for (const key of ['host', 'basePath']) {
    if (swagger[key] !== undefined && typeof swagger[key] !== 'string') refuse(`/${key}`, `\`${key}\` must be text, found ${describe(swagger[key])}`);
  }
  const shape = findSchemaShapeProblem(swagger);
  if (shape) refuse(shape.pointer, shape.problem);
}
