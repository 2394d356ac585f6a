// HTTP Basic (RFC 7617): `{ username, password }`, or the `username`/`password` shorthand options.
import { base64, checkText, fail, type BasicCredential, type HeaderSchemeKind } from './schemes.ts';

const token = ({ username, password }: BasicCredential): string => base64(`${username}:${password}`);

export const basicScheme: HeaderSchemeKind = {
  check(vendor, _scheme, label, value) {
    const v = (value ?? {}) as Partial<BasicCredential>;
    // The user-id cannot contain a colon; the password may be empty.
    const username = checkText(vendor, `${label}.username`, v.username, /[\r\n\0:]/);
    if (typeof v.password !== 'string' || /[\r\n\0]/.test(v.password)) fail(vendor, `${label}.password must be a string on one line`);
    return { username, password: v.password };
  },
  shorthand: (options) =>
    options.username === undefined && options.password === undefined ? undefined : { username: options.username, password: options.password ?? '' },
  shorthandLabel: 'the username/password options',
  secrets: (value) => {
    const credential = value as BasicCredential;
    return [credential.username, credential.password, token(credential)];
  },
  place: (_scheme, value) => ({ header: ['Authorization', `Basic ${token(value as BasicCredential)}`] }),
};
