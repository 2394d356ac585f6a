// The loopback server of the per-call benchmark, in its own process so the client's CPU time is
// measured alone. A fixed ~600-byte JSON answer (answer.ts), keep-alive, no work. `GET /__last` answers with
// the previous request (method, URL, headers, body), so the harness can check that every
// contender sends the same bytes before it times any of them.
import http from 'node:http';
import { ANSWER_BODY, ANSWER_HEADERS } from './answer.ts';

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
    res.writeHead(200, ANSWER_HEADERS);
    res.end(ANSWER_BODY);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
