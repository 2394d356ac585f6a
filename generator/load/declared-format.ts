import { SvcgenInputError } from './errors.ts';
import type { SourceFormat } from './lock.ts';

/** The format a parsed spec declares (`swagger: 2.x`, `openapi: 3.0.x` or `3.1.x`); anything else is bad input naming `file`. */
export function declaredFormat(document: Record<string, any>, file: string): SourceFormat {
  if (typeof document.swagger === 'string' && document.swagger.startsWith('2.')) return 'swagger-2.0';
  if (typeof document.openapi === 'string' && /^3\.0\./.test(document.openapi)) return 'openapi-3.0';
  if (typeof document.openapi === 'string' && /^3\.1\./.test(document.openapi)) return 'openapi-3.1';
  const pointer = document.swagger !== undefined ? '/swagger' : '/openapi';
  throw new SvcgenInputError(
    { file, pointer },
    `not an OpenAPI 2.0, 3.0 or 3.1 document (found ${JSON.stringify(document.swagger ?? document.openapi ?? null)})`,
  );
}
