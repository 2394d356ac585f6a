// HTTP Basic (RFC 7617): `{ username, password }`, or the `username`/`password` shorthand options.
import { base64, checkText, fail, type BasicCredential, type HeaderSchemeKind } from './schemes.ts';

const token = ({ username, password }: BasicCredential): string => base64(`${username}:${password}`);

/**
 * Basic credentials under `auth` only: what a generated client passes when its shorthand options
 * fill a scheme of another type (or there are none), so it bundles no username/password reading.
 */
export const basicSchemeNoShorthand: HeaderSchemeKind = {
  check(vendor, _scheme, label, value) {
    const v = (value ?? {}) as Partial<BasicCredential>;
    // The user-id cannot contain a colon; the password may be empty.
    const username = checkText(vendor, `${label}.username`, v.username, /[\r\n\0:]/);
    if (typeof v.password !== 'string' || /[\r\n\0]/.test(v.password)) fail(vendor, `${label}.password must be a string on one line`);
    return { username, password: v.password };
  },
  secrets: (value) => {
    const credential = value as BasicCredential;
    return [credential.username, credential.password, token(credential)];
  },
  place: (_scheme, value) => ({ header: ['Authorization', `Basic ${token(value as BasicCredential)}`] }),
};

/** Basic credentials under `auth`, or the `username`/`password` shorthand options. */
// Pure: a bundle that names only basicSchemeNoShorthand drops this object and its shorthand.
export const basicScheme: HeaderSchemeKind = /* @__PURE__ */ Object.assign({}, basicSchemeNoShorthand, {
  shorthand: (options: Record<string, unknown>) =>
    options.username === undefined && options.password === undefined ? undefined : { username: options.username, password: options.password ?? '' },
  shorthandLabel: 'the username/password options',
});
