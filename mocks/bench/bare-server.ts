/**
 * The baseline: a bare `node:http` server that answers each benchmark request with the very bytes the mock
 * answered it with (recorded by the benchmark), doing nothing else but reading the body. Run as
 * `node --import tsx bench/bare-server.ts <answers.json> <port>`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

interface Recorded {
  key: string;
  status: number;
  headers: string[];
  body: string;
}

const [file, port] = process.argv.slice(2);
const answers = new Map<string, { status: number; headers: string[]; body: Buffer }>();
for (const recorded of JSON.parse(readFileSync(file ?? '', 'utf8')) as Recorded[]) {
  answers.set(recorded.key, { status: recorded.status, headers: recorded.headers, body: Buffer.from(recorded.body, 'base64') });
}
const missing = { status: 404, headers: ['content-length', '0'], body: Buffer.alloc(0) };

createServer((req, res) => {
  const answer = answers.get(`${req.method ?? 'GET'} ${req.url ?? '/'}`) ?? missing;
  const reply = (): void => {
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return reply();
  req.on('data', () => {});
  req.on('end', reply);
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
