import type { ServiceSpec } from './catalog.ts';

/**
 * Calls `launch` for each service once the services it comes after (those among `specs`) have launched, so that
 * independent services start side by side. Resolves when every launch has settled, with the first failure, if any
 * (a service whose dependency failed is not launched).
 */
export async function launchInOrder(
  specs: ServiceSpec[],
  launch: (spec: ServiceSpec) => Promise<void>,
): Promise<Error | undefined> {
  const names = new Set(specs.map((s) => s.name));
  const started = new Map<string, Promise<void>>();
  const begin = (spec: ServiceSpec): Promise<void> => {
    let done = started.get(spec.name);
    if (!done) {
      const deps = specs.filter((d) => spec.after.includes(d.name) && names.has(d.name));
      done = Promise.all(deps.map(begin)).then(() => launch(spec));
      started.set(spec.name, done);
    }
    return done;
  };
  const outcomes = await Promise.allSettled(specs.map(begin));
  return outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')?.reason as Error | undefined;
}
