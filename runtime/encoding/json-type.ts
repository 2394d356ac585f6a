// `application/json`, `application/merge-patch+json`, `application/json; charset=utf-8` …: the
// media types the runtime reads or writes as JSON (multipart parts, undescribed success bodies).
export const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
