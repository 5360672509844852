// The baseline: a bare Fastify route returning a constant, nothing else.
import Fastify from 'fastify';
import { answerCpuQueries } from '../lib/child-server.ts';

const app = Fastify({ logger: false });
app.get('/constant', async () => ({ hello: 'world' }));
const url = await app.listen({ host: '127.0.0.1', port: 0 });
answerCpuQueries();
console.log(`LISTENING ${url}`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
