// The Host check parses the header strictly: a loopback name with a port passes, while spellings
// that only contain a loopback name (userinfo, text after an IPv6 literal, a path, two ports) are
// refused with 421 instead of being cut down to the part that looks local.
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { testApp } from './setup.ts';

const t = await testApp(['one']);
const app = createApp({
  store: t.store,
  graph: t.graph,
  clientDir: '/nonexistent',
  log: (...a) => t.errors.push(a),
  security: { host: '127.0.0.1', allowedHosts: ['stance.lan'] },
});

afterAll(async () => {
  expect(t.errors).toEqual([]);
  await t.close();
});

describe('strict Host parsing', () => {
  it.each([
    '127.0.0.1:3000',
    'localhost',
    'LOCALHOST:8080',
    '[::1]:3000',
    '[::1]',
    '127.9.9.9',
    'localhost.',
    'app.localhost:5173',
    'stance.lan:443',
  ])('accepts %s', async (host) => {
    await request(app).get('/api/ontology').set('host', host).expect(200);
  });

  it.each([
    '127.0.0.1:3000@evil.com',
    'localhost:80@attacker.example',
    'evil.com@127.0.0.1',
    '[::1]evil.com',
    '[::1]:80evil.com',
    '[::1].evil.com',
    '[127.0.0.1]',
    'localhost:3000:3000',
    'localhost:99999',
    'localhost/evil',
    'localhost\\evil.com',
    'local host',
    '127.0.0.1%2eevil.com',
    '127.0.0.1#.evil.com',
    'stance.lan.evil.com',
    '.localhost',
    '',
  ])('refuses %j with 421', async (host) => {
    const res = await request(app).get('/api/ontology').set('host', host).expect(421);
    expect(res.body.error.code).toBe('host_not_allowed');
  });
});
