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
  const backendBuilds = async () => {
    const shared = await build(first);
    return [shared, ...(await Promise.all(rest.map(build)))];
  };
  // Both chains run to the end before a failure of either is reported (no build is left running behind the test).
  const [backendOut, uiOut] = await Promise.allSettled([
    backendBuilds(),
    built.some(([name]) => name === 'frontend') ? build('frontend') : Promise.resolve(''),
  ]);
  if (backendOut.status === 'rejected') throw backendOut.reason;
  if (uiOut.status === 'rejected') throw uiOut.reason;
  return [...backendOut.value, uiOut.value].join('\n');
}
