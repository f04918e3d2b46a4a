import type { AtlasResponse } from '@pagi/contracts';
import { Line, OrbitControls } from '@react-three/drei';
import { Canvas, type ThreeEvent, useFrame } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { domainColor } from '../../lib/domains.ts';
import { type PlacedNode, placeNodes } from './layout.ts';

export interface HoverInfo {
  node: PlacedNode['node'];
  x: number;
  y: number;
}

interface Props {
  atlas: AtlasResponse;
  /** Ordered node ids of a traced path, drawn highlighted. */
  pathIds?: string[];
  picked?: string[];
  onHover?: (info: HoverInfo | null) => void;
  onPick?: (id: string) => void;
  autoRotate?: boolean;
  /** Called once the node instances are on the GPU (used by the view to report what it drew). */
  onRendered?: (count: number) => void;
  /** Draw calls of the last rendered frame (a few, whatever the node count: nodes are one instanced mesh). */
  onDrawCalls?: (calls: number) => void;
}

function DrawCalls({ report }: { report: (calls: number) => void }) {
  useFrame(({ gl }) => report(gl.info.render.calls));
  return null;
}

const PATH_COLOR = '#ffe066';

/** Few nodes are drawn larger; hundreds stay small enough not to overlap. */
const nodeRadius = (n: number) => Math.max(0.14, Math.min(0.28, 1.8 / Math.sqrt(Math.max(1, n))));
const tmp = new THREE.Object3D();
const tmpColor = new THREE.Color();
const BACKGROUND = new THREE.Color('#0b0f17');

function Nodes({ placed, pathIds, picked, onHover, onPick, onRendered }: Props & { placed: PlacedNode[] }) {
  const mesh = useRef<THREE.InstancedMesh>(null);
  const onPath = useMemo(() => new Set(pathIds), [pathIds]);
  const pickedSet = useMemo(() => new Set(picked), [picked]);

  // One draw call for every node: per-instance matrices and colours.
  useLayoutEffect(() => {
    const m = mesh.current;
    if (!m) return;
    placed.forEach((p, i) => {
      const id = p.node.id;
      const scale = pickedSet.has(id) ? 2.1 : onPath.has(id) ? 1.6 : 1;
      tmp.position.set(...p.position);
      tmp.scale.setScalar(scale);
      tmp.updateMatrix();
      m.setMatrixAt(i, tmp.matrix);
      tmpColor.set(domainColor(p.node.domain));
      // While a path is shown, everything off it fades towards the background.
      if (onPath.size && !onPath.has(id) && !pickedSet.has(id)) tmpColor.lerp(BACKGROUND, 0.7);
      m.setColorAt(i, tmpColor);
    });
    m.count = placed.length;
    m.instanceMatrix.needsUpdate = true;
    if (m.instanceColor) m.instanceColor.needsUpdate = true;
    m.computeBoundingSphere();
    onRendered?.(placed.length);
  }, [placed, onPath, pickedSet, onRendered]);

  const idOf = (e: ThreeEvent<PointerEvent | MouseEvent>) =>
    e.instanceId == null ? null : (placed[e.instanceId]?.node ?? null);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a three.js object, not a DOM element; the side panel offers the same picks by keyboard
    <instancedMesh
      ref={mesh}
      args={[undefined, undefined, Math.max(1, placed.length)]}
      onPointerMove={(e) => {
        e.stopPropagation();
        const node = idOf(e);
        onHover?.(node ? { node, x: e.nativeEvent.offsetX, y: e.nativeEvent.offsetY } : null);
      }}
      onPointerOut={() => onHover?.(null)}
      onClick={(e) => {
        e.stopPropagation();
        const node = idOf(e);
        if (node) onPick?.(node.id);
      }}
    >
      <icosahedronGeometry args={[nodeRadius(placed.length), placed.length > 200 ? 1 : 2]} />
      <meshLambertMaterial />
    </instancedMesh>
  );
}

function Edges({ placed, atlas, pathIds }: { placed: PlacedNode[]; atlas: AtlasResponse; pathIds?: string[] }) {
  const index = useMemo(() => new Map(placed.map((p) => [p.node.id, p.position])), [placed]);
  const edgeGeometry = useMemo(() => {
    const pts: number[] = [];
    for (const e of atlas.edges) {
      const a = index.get(e.source);
      const b = index.get(e.target);
      if (a && b) pts.push(...a, ...b);
    }
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.Float32BufferAttribute(pts, 3));
    return g;
  }, [atlas.edges, index]);
  const pathPoints = useMemo(
    () => (pathIds ?? []).map((id) => index.get(id)).filter((p): p is [number, number, number] => !!p),
    [pathIds, index],
  );

  return (
    <>
      <lineSegments geometry={edgeGeometry}>
        {/* Opaque, pre-blended colours: blending hundreds of long lines is what costs most on software renderers. */}
        <lineBasicMaterial color={pathIds?.length ? '#151b27' : '#28324a'} />
      </lineSegments>
      {pathPoints.length > 1 && <Line points={pathPoints} color={PATH_COLOR} lineWidth={3} />}
    </>
  );
}

/** The knowledge atlas in 3D: instanced nodes coloured by domain, similarity edges, a highlighted path. */
export function AtlasScene(props: Props) {
  const placed = useMemo(() => placeNodes(props.atlas.nodes), [props.atlas.nodes]);
  return (
    <Canvas
      camera={{ position: props.autoRotate ? [0, 2, 15] : [0, 3, 20], fov: 50 }}
      dpr={[1, 2]}
      // Draw only when something moves (orbit, hover, data) unless the scene turns by itself.
      frameloop={props.autoRotate ? 'always' : 'demand'}
      gl={{ antialias: false, preserveDrawingBuffer: true }}
      onPointerMissed={() => props.onHover?.(null)}
    >
      <color attach="background" args={['#0b0f17']} />
      <ambientLight intensity={0.7} />
      <directionalLight position={[10, 12, 8]} intensity={1.4} />
      <Edges placed={placed} atlas={props.atlas} pathIds={props.pathIds} />
      <Nodes {...props} placed={placed} />
      {props.onDrawCalls && <DrawCalls report={props.onDrawCalls} />}
      <OrbitControls
        makeDefault
        enableDamping
        dampingFactor={0.08}
        autoRotate={props.autoRotate}
        autoRotateSpeed={0.6}
        minDistance={4}
        maxDistance={60}
      />
    </Canvas>
  );
}
