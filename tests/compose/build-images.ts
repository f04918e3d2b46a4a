// The compose file's images, built in the order that takes the least time. The six backend images share every layer
// up to the choice of service (apt, `pnpm fetch`: most of a cold build, and mostly waiting on the network), so one of
// them builds those first, beside the UI's image, which shares nothing with them; then the other five build side by
// side on the shared layers. Each build keeps its own log (build-<service>.log) so its output reads in order.
import type { ComposeDoc } from './compose-file.ts';
import type { Project } from './project.ts';

const BUILD_TIMEOUT_MS = 20 * 60_000;

/** Builds every image; resolves with each build's output, one after another (first backend, the others, the UI). */
export async function buildImages(project: Project, doc: ComposeDoc): Promise<string> {
  const build = (service: string) => project.run(['build', service], BUILD_TIMEOUT_MS, `build-${service}`);
  const built = Object.entries(doc.services).filter(([, s]) => s.build);
  // The shared layers come with an image that adds no Debian packages of its own (a short last layer).
  const backend = built
    .filter(([name]) => name !== 'frontend')
    .sort(([, a], [, b]) => Number(Boolean(a.build?.args?.APT_PACKAGES)) - Number(Boolean(b.build?.args?.APT_PACKAGES)))
    .map(([name]) => name);
  const [first, ...rest] = backend;
  if (!first) throw new Error('no backend image to build');
  const ui = built.some(([name]) => name === 'frontend') ? build('frontend') : Promise.resolve('');
  // The UI's build is awaited with the others: a failure there is reported once the backend builds have settled.
  const settledUi = ui.then(
    (out) => ({ out }),
    (err: Error) => ({ err }),
  );
  try {
    const shared = await build(first);
    const others = await Promise.all(rest.map(build));
    const uiResult = await settledUi;
    if ('err' in uiResult) throw uiResult.err;
    return [shared, ...others, uiResult.out].join('\n');
  } catch (err) {
    await settledUi;
    throw err;
  }
}
