import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const headers = (key?: string): Record<string, string> => (key ? { 'api-key': key } : {});

async function qdrant(url: string, key: string | undefined, route: string, init: RequestInit = {}) {
  const res = await fetch(`${url.replace(/\/+$/, '')}${route}`, {
    ...init,
    headers: { ...headers(key), ...(init.headers as Record<string, string>) },
    signal: AbortSignal.timeout(300_000),
  });
  if (!res.ok) throw new Error(`Qdrant ${init.method ?? 'GET'} ${route}: HTTP ${res.status} ${await res.text()}`);
  return res;
}

/** Snapshots every collection through Qdrant's snapshot API and downloads the snapshots into dir. */
export async function snapshotQdrant(url: string, key: string | undefined, dir: string) {
  mkdirSync(dir, { recursive: true });
  const list = (await (await qdrant(url, key, '/collections')).json()) as {
    result: { collections: { name: string }[] };
  };
  const out: { collection: string; file: string }[] = [];
  for (const { name } of list.result.collections) {
    const snap = (await (
      await qdrant(url, key, `/collections/${encodeURIComponent(name)}/snapshots?wait=true`, { method: 'POST' })
    ).json()) as { result: { name: string } };
    const body = await qdrant(url, key, `/collections/${encodeURIComponent(name)}/snapshots/${snap.result.name}`);
    const file = `${name}.snapshot`;
    writeFileSync(path.join(dir, file), Buffer.from(await body.arrayBuffer()));
    out.push({ collection: name, file });
  }
  return out;
}

/** Recreates each collection from its snapshot file (Qdrant's snapshot upload, snapshot data wins). */
export async function restoreQdrant(
  url: string,
  key: string | undefined,
  dir: string,
  items: { collection: string; file: string }[],
) {
  for (const { collection, file } of items) {
    const form = new FormData();
    form.append('snapshot', new Blob([readFileSync(path.join(dir, file))]), file);
    await qdrant(
      url,
      key,
      `/collections/${encodeURIComponent(collection)}/snapshots/upload?priority=snapshot&wait=true`,
      {
        method: 'POST',
        body: form,
      },
    );
  }
}
