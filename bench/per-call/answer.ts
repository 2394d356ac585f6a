// The one answer of the per-call benchmark: what the loopback server sends for every request, and
// what the in-memory transport returns (the same bytes and headers, no network).
export const ANSWER_BODY = JSON.stringify({
  id: 'cus_OdXk1wq2Zl3b4c', object: 'customer', balance: 0, created: 1700000000, currency: 'usd', email: null,
  invoice_prefix: 'A1B2C3D4', livemode: false, metadata: { order: '1042' }, name: 'Jane', phone: null, preferred_locales: [],
  shipping: null, tax_exempt: 'none', test_clock: null, address: null, default_source: null, delinquent: false,
  description: 'Bench customer', discount: null, invoice_settings: { custom_fields: null, default_payment_method: null, footer: null },
});

export const ANSWER_HEADERS: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(ANSWER_BODY)), 'request-id': 'req_1' };
