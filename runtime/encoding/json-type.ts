// The media types read and written as JSON, one rule for the runtime (multipart parts, bodies read
// by their Content-Type) and the generator (generator/media-type.ts, model/json-media-type.ts):
// `application/json`; any type with the `+json` structured suffix (RFC 6839: `application/problem+json`,
// `text/vnd.thing+json`); and JSON's older names, `text/json` and the unregistered `x-json` forms of
// both, which specs still key JSON bodies by. Parameters do not change it (`; charset=utf-8`).
// Not JSON: `application/x-json-smile` (binary Smile), `application/json-seq`, `application/x-ndjson`
// (a sequence, no one value).
export const JSON_MEDIA_TYPE = /^\s*(?:(?:application|text)\/(?:x-)?json|[\w.+-]+\/[\w.+-]+\+json)\s*(?:;|$)/i;
