// The auth note of an inferred profile (`svcgen add`, `generate --spec`): what each declared scheme
// is to the client, for OpenAPI 3 documents and for Swagger 2.0 ones read before conversion.
import { describe, expect, it } from 'vitest';
import { describeAuth } from '../../../generator/profile-infer/auth.ts';

describe('describeAuth', () => {
  it('names OAuth2 schemes without client credentials and OpenID Connect as access tokens the caller passes', () => {
    const note = describeAuth({
      components: {
        securitySchemes: {
          cc: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/token', scopes: {} } } },
          code: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'https://a', tokenUrl: '/token', scopes: {} } } },
          oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://o' },
          tls: { type: 'mutualTLS' },
        },
      },
    });
    expect(note).toBe(
      "no auth section: auth comes from the spec's security schemes, cc (oauth2), code (OAuth2: an access token the caller passes), " +
        'oidc (OpenID Connect: an access token the caller passes), tls (mutualTLS scheme: the client cannot send it), and each operation\'s `security`',
    );
  });

  it('reads Swagger 2.0 OAuth2 flows as the converted document has them: `application` is client credentials', () => {
    const note = describeAuth({
      securityDefinitions: {
        app: { type: 'oauth2', flow: 'application', tokenUrl: 'https://auth.example.test/token', scopes: {} },
        user: { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://a', tokenUrl: 'https://auth.example.test/token', scopes: {} },
        login: { type: 'basic' },
      },
    });
    expect(note).toContain('app (oauth2), login (basic), user (OAuth2: an access token the caller passes)');
  });
});
