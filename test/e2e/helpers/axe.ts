import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface A11yFinding {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Fluent UI v9 focus management (tabster) puts `<i tabindex="0" aria-hidden="true"
 * data-tabster-dummy>` bumpers around movers and focus traps; they only hand focus on at once, and
 * are aria-hidden so screen readers do not announce them. axe flags them under aria-hidden-focus:
 * a known false positive (microsoft/tabster#288) that Microsoft's Accessibility Insights filters the
 * same way (accessibility-insights-web#7605). Only those nodes are dropped; any other node
 * breaking the rule still fails.
 */
const isTabsterBumper = (ruleId: string, html: string): boolean =>
  ruleId === 'aria-hidden-focus' && (html.includes('data-tabster-dummy') || html.includes('data-is-focus-trap-zone-bumper'));

/**
 * The serious and critical axe violations on the page as it is now (WCAG 2.x A/AA rules plus axe's
 * best practices). The invite preview is an e-mail body in a sandboxed frame: axe cannot run in
 * it (no script may run there), so it is left out.
 */
export const seriousViolations = async (page: Page): Promise<A11yFinding[]> => {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .exclude('iframe[data-testid="invite-preview"]')
    // Only violations are read: axe then skips the detail of passes and incompletes (faster).
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterBumper(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
};
