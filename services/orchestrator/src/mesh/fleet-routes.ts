import { CodedError, parseWith } from '@pagi/contracts';
import type { Mesh } from '@pagi/mesh';
import { openSse } from '@pagi/runtime';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

const PeerParams = z.object({ peer_id: z.string().regex(/^[1-9A-HJ-NP-Za-km-z]{32,128}$/, 'not a peer id') });

export const MESH_OFF_HINT =
  'the mesh is off on this node: set MESH_ENABLED=true and MESH_SWARM_KEY (make mesh-key makes one), then restart';

function required(mesh: Mesh | null): Mesh {
  if (!mesh) throw new CodedError('failed_precondition', MESH_OFF_HINT);
  return mesh;
}

/** The Fleet Manager over HTTP: this node's mesh status, the fleet, one node, and a live feed of fleet events. */
export function registerFleetRoutes(app: FastifyInstance, mesh: Mesh | null): void {
  app.get('/api/phoenix/status', async () =>
    mesh ? { enabled: true, ...mesh.status() } : { enabled: false, hint: MESH_OFF_HINT },
  );

  app.get('/api/phoenix/fleet', async () => ({ nodes: required(mesh).fleet.list() }));

  app.get('/api/phoenix/fleet/events', async (_req, reply) => {
    const fleet = required(mesh).fleet;
    const sse = openSse(reply, { subscription: true });
    const send = (event: unknown) => sse.send(event);
    fleet.on('event', send);
    reply.raw.on('close', () => fleet.off('event', send));
  });

  app.get('/api/phoenix/fleet/:peer_id', async (req) => {
    const { peer_id } = parseWith(PeerParams, req.params);
    const node = required(mesh).fleet.get(peer_id);
    if (!node) throw new CodedError('not_found', `no node ${peer_id} in this fleet`);
    return node;
  });
}
