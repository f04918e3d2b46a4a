import type { AtlasNode } from '@pagi/contracts';

export interface PlacedNode {
  node: AtlasNode;
  position: [number, number, number];
}

/** Centres the projection and scales it into a sphere of `radius`, whatever units the server used. */
export function placeNodes(nodes: AtlasNode[], radius = 10): PlacedNode[] {
  if (nodes.length === 0) return [];
  const mean = [0, 0, 0];
  for (const n of nodes) {
    mean[0]! += n.x;
    mean[1]! += n.y;
    mean[2]! += n.z;
  }
  for (let i = 0; i < 3; i++) mean[i]! /= nodes.length;
  let max = 0;
  for (const n of nodes) max = Math.max(max, Math.hypot(n.x - mean[0]!, n.y - mean[1]!, n.z - mean[2]!));
  const k = max > 0 ? radius / max : 1;
  return nodes.map((node) => ({
    node,
    position: [(node.x - mean[0]!) * k, (node.y - mean[1]!) * k, (node.z - mean[2]!) * k],
  }));
}
