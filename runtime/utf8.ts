// One UTF-8 encoder for the whole runtime. TextEncoder holds no state between calls, and a bundle
// that reaches several of its users (request bodies, hashes, Basic credentials, webhook
// signatures) then carries a single one.
export const utf8 = new TextEncoder();
