// axe-core injected from the installed package (nothing fetched at run time) and run on the page as it stands.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Violation {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * The serious and critical violations on the page (axe's moderate and minor ones are left to review), once nothing on
 * it is animating: a button fading in from its disabled look is not a contrast failure.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  // Transitions and other animations that end (spinners and pulses repeat for ever and are left alone).
  const settled = `document.getAnimations().every((a) =>
    a.playState !== 'running' || !Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity))`;
  await page.waitForFunction(settled, undefined, { timeout: 10_000 });
  if (!(await page.evaluate("'axe' in window"))) await page.addScriptTag({ path: AXE_PATH });
  const found = (await page.evaluate(`(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.slice(0, 6).map((n) => n.target.map(String).join(' ')),
    }));
  })()`)) as Violation[];
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export const describeViolations = (vs: Violation[]) =>
  vs.map((v) => `${v.impact} ${v.rule} (${v.help}): ${v.targets.join(' | ')}`).join('\n');
