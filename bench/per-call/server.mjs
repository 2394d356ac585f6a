// The loopback server of the per-call benchmark, in its own process so the client's CPU time is
// measured alone. A fixed ~600-byte JSON answer, keep-alive, no work. `GET /__last` answers with
// the previous request (method, URL, headers, body), so the harness can check that every
// contender sends the same bytes before it times any of them.
import http from 'node:http';

const body = JSON.stringify({
  id: 'cus_OdXk1wq2Zl3b4c', object: 'customer', balance: 0, created: 1700000000, currency: 'usd', email: null,
  invoice_prefix: 'A1B2C3D4', livemode: false, metadata: { order: '1042' }, name: 'Jane', phone: null, preferred_locales: [],
  shipping: null, tax_exempt: 'none', test_clock: null, address: null, default_source: null, delinquent: false,
  description: 'Bench customer', discount: null, invoice_settings: { custom_fields: null, default_payment_method: null, footer: null },
});
let last = null;
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.url === '/__last') {
      const text = JSON.stringify(last);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    last = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('latin1') };
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'request-id': 'req_1' });
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
