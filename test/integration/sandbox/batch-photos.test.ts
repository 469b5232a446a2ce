// A photo read inside a $batch comes back as Graph's threads describe it: a base64 string in the JSON, its
// item reported as application/json (sources in sandbox/batch.ts). The app reads the type from the bytes.
import type { Sandbox } from '../../../sandbox/index';
import { sniffImageType } from '../../../src/graph/images';
import { EMILIE, HUGO, client, start } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

test('GET photo/$value in a $batch: base64 body, item Content-Type application/json, bytes a PNG', async () => {
  const res = await client(sb).post('/$batch', {
    requests: [
      { id: 'p', method: 'GET', url: `/users/${EMILIE}/photo/$value` },
      { id: 'none', method: 'GET', url: `/users/${HUGO}/photo/$value` },
    ],
  });
  expect(res.status).toBe(200);
  const byId = new Map<string, { status: number; headers: Record<string, string>; body: unknown }>(
    res.body.responses.map((r: { id: string; status: number; headers: Record<string, string>; body: unknown }) => [r.id, r]),
  );
  const photo = byId.get('p')!;
  expect(photo.status).toBe(200);
  expect(photo.headers['Content-Type']).toBe('application/json');
  expect(typeof photo.body).toBe('string');
  const bytes = new Uint8Array(Buffer.from(photo.body as string, 'base64'));
  expect(sniffImageType(bytes)).toBe('image/png');
  // The same photo on the wire keeps its real type.
  const direct = await fetch(`${sb.graphUrl}/users/${EMILIE}/photo/$value`, { headers: { Authorization: `Bearer ${sb.token(EMILIE)}` } });
  expect(direct.headers.get('content-type')).toBe('image/png');
  expect(byId.get('none')!.status).toBe(404);
});
