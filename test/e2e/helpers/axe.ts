import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface A11yFinding {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/**
 * The serious and critical axe violations on the page as it is now (WCAG 2.x A/AA rules plus axe's
 * best practices). The invite preview is an e-mail body in a sandboxed frame: axe cannot enter
 * it (no script may run there) and it is judged as Outlook shows it, so it is left out.
 */
export const seriousViolations = async (page: Page): Promise<A11yFinding[]> => {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .exclude('iframe[data-testid="invite-preview"]')
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
};
