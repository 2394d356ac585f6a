// HTTP bearer: a token string, or the `apiKey` shorthand option, sent as `Authorization: Bearer`.
import { checkText, type HeaderSchemeKind } from './schemes.ts';

export const bearerScheme: HeaderSchemeKind = {
  check: (vendor, _scheme, label, value) => checkText(vendor, label, value),
  shorthand: (options) => options.apiKey,
  shorthandLabel: 'the apiKey option',
  secrets: (value) => [value as string],
  place: (_scheme, value) => ({ header: ['Authorization', `Bearer ${value as string}`] }),
};
