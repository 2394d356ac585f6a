// The auth strategy of the commonest spec shape: every operation accepts the same alternatives,
// each one header scheme (bearer, basic, an API key in a header), and needs one of them. The
// generator passes it instead of schemeAuth when the spec has that shape
// (generator/emit/client-auth.ts), so a Worker bundles no per-operation selection, no
// shared-header check of AND-ed schemes, no signing hook and no query or cookie keys. For such a
// spec it does what schemeAuth does: the same options, the same scheme chosen (the first
// alternative given), the same errors, the same secrets scrubbed; the one header is chosen once
// per client, so a call does no selection at all.
// Generated clients pass fittedHeaderAuth: their generator checked the shape (fitsHeaderAuth), so
// they bundle no second check and none of its refusal. headerAuth, for hand-written clients,
// refuses a profile of another shape.
import type { AuthStrategy } from '../client.ts';
import {
  fail,
  givenKind,
  kindOf,
  noCredentials,
  readCredentialsWith,
  withScrubbedErrors,
  type HeaderSchemeKind,
  type KindLookup,
  type SchemeProfile,
  type SchemesAuthProfile,
} from './schemes.ts';

/** Header kinds by scheme type. */
export type HeaderSchemeKinds = Readonly<Partial<Record<SchemeProfile['type'], HeaderSchemeKind>>>;

const OTHER_SHAPE = "this API's security needs schemeAuth, not headerAuth (per-operation, AND-ed or optional requirements, or schemes no operation accepts)";

/** The header strategy for any profile: one of another shape is refused when the client is created. */
export function headerAuth(kinds: HeaderSchemeKinds): AuthStrategy {
  const refuse = (vendor: string): never => fail(vendor, OTHER_SHAPE);
  const strategy = headerStrategy(kinds, kindOf, refuse);
  return (context) => {
    const { security, operations } = context.profile.auth as SchemesAuthProfile;
    if (Object.keys(operations).length || !security.length || security.some((alternative) => alternative.length !== 1)) refuse(context.profile.vendor);
    return strategy(context);
  };
}

/**
 * The header strategy for a profile of the shape it serves, with a kind for every scheme type it
 * declares, neither of which it checks: what generated clients pass, their generator having
 * checked the spec (fitsHeaderAuth) and named the kinds.
 */
export function fittedHeaderAuth(kinds: HeaderSchemeKinds): AuthStrategy {
  return headerStrategy(kinds, givenKind);
}

/**
 * `lookup`: how a scheme's kind is found (checked or not); `refuse`: how a credential given only
 * for a scheme no alternative names fails (a fitted profile has none).
 */
function headerStrategy(kinds: HeaderSchemeKinds, lookup: KindLookup, refuse?: (vendor: string) => never): AuthStrategy {
  return ({ profile, options, signedPipeline }) => {
    const vendor = profile.vendor;
    const auth = profile.auth as SchemesAuthProfile;
    const { schemes, security } = auth;
    const supplied = readCredentialsWith(vendor, auth, options, kinds, lookup);
    // Every operation needs a credential (no empty alternative, no operation of its own).
    if (!supplied.size) noCredentials(vendor, auth, kinds);
    // readCredentialsWith found a kind for each supplied scheme, so none is looked up again.
    const kindOf = (name: string) => kinds[schemes[name]!.type]!;
    const secrets: string[] = [];
    for (const [name, value] of supplied) secrets.push(...kindOf(name).secrets(value).filter((s) => s !== ''));
    const name = security.find(([only]) => supplied.has(only!))?.[0] ?? refuse!(vendor);
    const [header, value] = kindOf(name).place(schemes[name]!, supplied.get(name)!).header;
    const scrubbed = () => secrets;
    // The header is set on the attempt's own Request: copying a Request re-streams its body, the
    // largest per-call cost in the bench's profile. Setting it again on a retry is harmless; a
    // Request whose headers are immutable is copied (schemes.ts withHeaders does the same for many).
    const sign: Parameters<typeof signedPipeline>[0] = (transport) =>
      withScrubbedErrors((request, init) => {
        try {
          request.headers.set(header, value);
        } catch {
          const headers = new Headers(request.headers);
          headers.set(header, value);
          request = new Request(request, { headers });
        }
        return transport(request, init);
      }, scrubbed);
    const pipeline = signedPipeline(sign);
    return { pipeline, pipelineFor: () => pipeline, secrets: scrubbed, partition: secrets.join('\n') };
  };
}
