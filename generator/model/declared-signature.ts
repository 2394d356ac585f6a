// The profile's shape for a signature scheme declared as data (`x-svcgen-webhooks.scheme` given as
// an object): strict, so a misspelt key is an error naming its pointer rather than a verifier that
// silently checks something else. Consistency beyond the shape is the runtime's own check
// (declaredSignatureProblem), so the generator and the runtime cannot disagree on what is valid.
import { z } from 'zod';
import { DECLARED_ALGORITHMS, SECRET_ENCODINGS, SIGNATURE_ENCODINGS } from '../../runtime/webhooks/declared-spec.ts';

// Header names are checked by declaredSignatureProblem, with the placeholders' names.
const headerName = z.string().min(1);

export const declaredSignatureSchema = z.strictObject({
  algorithm: z.enum(DECLARED_ALGORITHMS),
  payload: z.string().min(1),
  signature: z.strictObject({
    header: headerName,
    encoding: z.enum(SIGNATURE_ENCODINGS),
    prefix: z.string().min(1).optional(),
    separator: z.string().min(1).optional(),
    format: z.enum(['der', 'raw']).optional(),
  }),
  bodyHash: z.strictObject({ query: z.string().min(1) }).optional(),
  timestamp: z
    .strictObject({
      header: headerName.optional(),
      prefix: z.string().min(1).optional(),
      unit: z.enum(['seconds', 'milliseconds']),
    })
    .optional(),
  secret: z
    .strictObject({
      prefix: z.string().min(1).optional(),
      encoding: z.enum(SECRET_ENCODINGS).optional(),
      format: z.enum(['spki', 'raw']).optional(),
    })
    .optional(),
});
