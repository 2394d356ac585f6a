// The auth strategy of the commonest spec shape: every operation accepts the same alternatives,
// each one header scheme (bearer, basic, an API key in a header), and needs one of them. The
// generator passes it instead of schemeAuth when the spec has that shape
// (generator/emit/client-auth.ts), so a Worker bundles no per-operation selection, no
// shared-header check of AND-ed schemes, no signing hook and no query or cookie keys. For such a
// spec it does what schemeAuth does: the same options, the same scheme chosen (the first
// alternative given), the same errors, the same secrets scrubbed; the one header is chosen once
// per client, so a call does no selection at all.
import type { AuthStrategy } from '../client.ts';
import {
  fail,
  firstSupplied,
  noCredentials,
  readCredentials,
  staticSecrets,
  withHeaders,
  withScrubbedErrors,
  type HeaderSchemeKind,
  type SchemeProfile,
  type SchemesAuthProfile,
} from './schemes.ts';

/** Header kinds by scheme type. */
export type HeaderSchemeKinds = Readonly<Partial<Record<SchemeProfile['type'], HeaderSchemeKind>>>;

const OTHER_SHAPE = "this API's security needs schemeAuth, not headerAuth (per-operation, AND-ed or optional requirements, or schemes no operation accepts)";

export function headerAuth(kinds: HeaderSchemeKinds): AuthStrategy {
  return ({ profile, options, loginPipeline, signedPipeline }) => {
    const vendor = profile.vendor;
    const auth = profile.auth as SchemesAuthProfile;
    // Hand-written clients could pass a profile of another shape: schemeAuth serves those.
    const { schemes, security, operations } = auth;
    if (Object.keys(operations).length || !security.length || security.some((alternative) => alternative.length !== 1)) fail(vendor, OTHER_SHAPE);
    const supplied = readCredentials(vendor, auth, options, kinds);
    // Every operation needs a credential (no empty alternative, no operation of its own).
    if (!supplied.size) noCredentials(vendor, auth, kinds);
    // The generator passes this strategy only when every scheme is an alternative of its own.
    const name = firstSupplied(security, supplied)?.[0] ?? fail(vendor, OTHER_SHAPE);
    const secrets = staticSecrets(vendor, auth, supplied, kinds);
    const scrubbed = () => secrets;
    const scheme = schemes[name]!;
    const { header } = kinds[scheme.type]!.place(scheme, supplied.get(name)!);
    const pipeline = signedPipeline((transport) => withScrubbedErrors(withHeaders(transport, [header]), scrubbed));
    return { pipeline, pipelineFor: () => pipeline, secrets: scrubbed };
  };
}
