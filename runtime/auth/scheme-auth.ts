// The auth strategy of clients whose spec declares security schemes: credentials read and checked
// once, and per operation the pipeline that signs with the first accepted alternative the caller
// supplied. The generated client names the scheme kinds its spec uses: `schemeAuth({ apiKey: apiKeyScheme })`.
// A spec whose every operation accepts the same single header schemes (bearer, basic, an API key in
// a header) gets the smaller fittedHeaderAuth (header-auth.ts) instead.
// Static header credentials are set here; kinds that rewrite requests or obtain tokens bring
// their own signing (request-signing.ts), so only their clients bundle it.
import type { AuthStrategy } from '../client.ts';
import type { Pipeline } from '../pipeline.ts';
import {
  fail,
  firstSupplied,
  kindOf,
  readCredentials,
  requireSomeCredentials,
  selectSchemes,
  staticSecrets,
  withHeaders,
  withScrubbedErrors,
  type ClientSigning,
  type HeaderPlacement,
  type Placement,
  type SchemeKinds,
  type SchemesAuthProfile,
  type SecurityRequirements,
  type Signing,
} from './schemes.ts';

/** The signing of header kinds alone: their placements are all headers. */
const headerSigning: ClientSigning = {
  sign: (_names, placements) => (transport) => withHeaders(transport, placements.map((placement) => (placement as HeaderPlacement).header)),
};

export function schemeAuth(kinds: SchemeKinds): AuthStrategy {
  // Every kind that needs more than headers names the same signing.
  let signing: Signing | undefined;
  for (const type in kinds) signing ??= kinds[type as keyof SchemeKinds]?.signing;
  return ({ profile, options, baseUrl, loginPipeline, signedPipeline }) => {
    const vendor = profile.vendor;
    const auth = profile.auth as SchemesAuthProfile;
    const supplied = readCredentials(vendor, auth, options, kinds);
    requireSomeCredentials(vendor, auth, supplied, kinds);
    const given = staticSecrets(vendor, auth, supplied, kinds);
    // A credential with no text of its own (a token function) cannot tell two clients apart: such
    // a client's cached answers are its own alone.
    const opaque = [...supplied].some(([name, value]) => kindOf(vendor, kinds, auth.schemes[name]!).secrets(value).every((text) => text === ''));
    const partition = opaque ? `${given.join('\n')}\n${crypto.randomUUID()}` : given.join('\n');
    const signer = signing
      ? signing({ vendor, auth, kinds, supplied, baseUrl, loginPipeline, requestIdHeader: profile.policy.requestIdHeader, secretShapes: profile.secretShapes })
      : headerSigning;
    const tokens = signer.tokens ?? [];
    const secrets = (): string[] => [...given, ...tokens];
    const pipelines = new Map<string, Pipeline>();

    /**
     * Where the static credentials of `names` go. Several access-token schemes of one requirement
     * share the Authorization header (generator/model/auth.ts), which holds one token: they must
     * have been given the same one (a token function's result is compared per attempt, by
     * token-source.ts).
     */
    function placementsOf(names: readonly string[], operationId: string): Placement[] {
      const placements: Placement[] = [];
      // Header (lower-case) → the first scheme that put it there, and its value.
      const headers = new Map<string, readonly [scheme: string, value: string]>();
      for (const name of names) {
        const scheme = auth.schemes[name]!;
        const placement = kindOf(vendor, kinds, scheme).place?.(scheme, supplied.get(name)!);
        if (!placement) continue;
        if ('header' in placement) {
          const [header, value] = placement.header;
          const prior = headers.get(header.toLowerCase());
          if (!prior) headers.set(header.toLowerCase(), [name, value]);
          else if (prior[1] !== value) fail(vendor, `${operationId} sends ${prior[0]} and ${name} in one ${header} header; give them the same token`);
        }
        placements.push(placement);
      }
      return placements;
    }

    function pipelineOf(requirements: SecurityRequirements, operationId: string): Pipeline {
      const names = selectSchemes(vendor, operationId, requirements, supplied);
      const key = names.join('\n');
      let pipeline = pipelines.get(key);
      if (!pipeline) {
        const sign = signer.sign(names, placementsOf(names, operationId));
        pipeline = signedPipeline((transport) => withScrubbedErrors(sign(transport), secrets));
        pipelines.set(key, pipeline);
      }
      return pipeline;
    }

    const ready = auth.security.length === 0 || firstSupplied(auth.security, supplied) !== undefined;
    return {
      // The client's own pipeline is the one the spec's default requirement selects.
      pipeline: ready ? pipelineOf(auth.security, 'this operation') : loginPipeline,
      pipelineFor: (meta) => {
        // Its requirement was dropped as unsendable, which would read as `security: []`: sending
        // it without credentials would hide why the server refuses it.
        // Own keys only: an operation named `constructor` or `toString` is not in these tables
        // because Object.prototype has a member of that name.
        const unmet = auth.unmet && Object.hasOwn(auth.unmet, meta.id) ? auth.unmet[meta.id] : undefined;
        if (unmet !== undefined) fail(vendor, `${meta.id} requires ${unmet}, which need more than one Authorization header: no request can carry them`);
        return pipelineOf(Object.hasOwn(auth.operations, meta.id) ? auth.operations[meta.id]! : auth.security, meta.id);
      },
      secrets,
      partition,
    };
  };
}
