/**
 * An alternative the benchmark measures: Prism's HTTP engine in process behind a plain `node:http` server
 * (no Prism CLI, no pino pretty-printing), checking security and validating every request as the mock
 * does, for one provider's bundle. Run as `node --import tsx bench/prism-engine-server.ts <bundle> <port>`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fromPrismResponse, loadPrism, prismHeaders, prismQuery } from '../src/prism/engine.js';
import { prepare } from '../src/http/prepared-response.js';

const [bundle, port] = process.argv.slice(2);
const engine = loadPrism();
const operations = await engine.operations('bench', JSON.parse(readFileSync(bundle ?? '', 'utf8')));

createServer((req, res) => {
  let text = '';
  req.on('data', (chunk: Buffer) => (text += chunk.toString()));
  req.on('end', () => {
    const [path, search] = (req.url ?? '/').split('?');
    const instance = engine.prism.createInstance(
      {
        isProxy: false,
        mock: { dynamic: false },
        checkSecurity: true,
        validateRequest: true,
        validateResponse: false,
        errors: false,
        upstreamProxy: undefined,
      },
      { logger: engine.logger },
    );
    const body = text === '' ? undefined : (JSON.parse(text) as unknown);
    void instance
      .request(
        {
          method: (req.method ?? 'GET').toLowerCase(),
          url: { path: path ?? '/', query: prismQuery(search ? new URLSearchParams(search) : undefined) },
          headers: prismHeaders(req.headers),
          ...(body === undefined ? {} : { body }),
        },
        operations,
      )()
      .then((result) => {
        const answer =
          result._tag === 'Right'
            ? fromPrismResponse(result.right.output)
            : { status: 500, headers: {}, body: { error: result.left.message }, mediaType: undefined };
        const prepared = prepare({
          status: answer.status,
          headers: answer.headers,
          body: answer.body,
          ...(answer.mediaType ? { mediaType: answer.mediaType } : {}),
        });
        res.writeHead(prepared.status, prepared.headers as string[]);
        res.end(prepared.body);
      });
  });
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
