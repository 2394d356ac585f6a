// Which request bodies Prism (5.16, with our fixes) reads as a document before validating them.
// Its server parses JSON media types (application/json, application/*+json); its validator decodes
// form and multipart bodies into objects; prism-text-documents.ts parses text/json and YAML. Any
// other body reaches validation as text: against an object or array schema it always fails.

export const TEXT_JSON_MEDIA_TYPE = /^text\/json\s*(?:;|$)/i;
export const YAML_MEDIA_TYPE = /^(?:application|text)\/(?:x-)?yaml\s*(?:;|$)|^[\w.-]+\/[\w.-]+\+yaml\s*(?:;|$)/i;
const PRISM_DOCUMENT_MEDIA_TYPE = /^(?:application\/json|application\/[\w.-]+\+json|application\/x-www-form-urlencoded|multipart\/form-data)\s*(?:;|$)/i;

/** Whether Prism judges a body of `contentType` as text, whatever document it carries. */
export function prismReadsAsText(contentType: string): boolean {
  return ![PRISM_DOCUMENT_MEDIA_TYPE, TEXT_JSON_MEDIA_TYPE, YAML_MEDIA_TYPE].some((mediaType) => mediaType.test(contentType.trim()));
}
