// The baseline: a bare Fastify route returning a constant, nothing else. With BARE_BODY_FILE, the
// constant is that file's bytes (the Hub's catalogue list), to separate transfer from Hub overhead.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { answerCpuQueries } from '../lib/child-server.ts';

const app = Fastify({ logger: false });
const bodyFile = process.env.BARE_BODY_FILE;
if (bodyFile) {
  const bytes = readFileSync(bodyFile);
  app.get('/constant', async (_request, reply) => reply.type('application/json; charset=utf-8').send(bytes));
} else {
  app.get('/constant', async () => ({ hello: 'world' }));
}
const url = await app.listen({ host: '127.0.0.1', port: 0 });
answerCpuQueries();
console.log(`LISTENING ${url}`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
