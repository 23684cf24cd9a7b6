/**
 * Page objects of the audit screens (issue 4): the Audit screen with its five views, and Explain. Role,
 * label and data-testid locators only.
 */
import type { Download, Locator, Page } from 'playwright-core';

/** How long the audit worker may take to answer (the benchmark raises it for large runs). */
const workerTimeout = () => Number(process.env.ROSTER_AUDIT_WORKER_TIMEOUT_MS ?? 60_000);

export type AuditView = 'joins' | 'orphans' | 'conflicts' | 'filters' | 'keys';

/** Waits until the audit worker has answered (or failed) for the view on screen. */
async function workerDone(page: Page): Promise<void> {
  await page.getByTestId('audit-working').waitFor({ state: 'detached', timeout: workerTimeout() });
  const error = page.getByTestId('audit-error');
  if (await error.count()) throw new Error(`The audit worker failed: ${await error.textContent()}`);
}

export class AuditPage {
  constructor(readonly page: Page) {}
  async open(view: AuditView): Promise<void> {
    await this.page.getByTestId('nav-audit').click();
    await this.page.getByRole('heading', { name: 'Audit', level: 1 }).waitFor();
    await this.page.getByRole('navigation', { name: 'Audit views' }).getByTestId(`audit-view-${view}`).click();
    await this.page.getByTestId(`audit-${view}`).waitFor();
  }
  cell(source: string, state: string): Locator {
    return this.page.getByTestId(`join-cell-${source}-${state}`);
  }
  async openCellRecord(source: string, state: string): Promise<Locator> {
    await this.cell(source, state).click();
    await this.page.getByTestId('cell-record').first().click();
    return this.page.getByTestId('record-detail');
  }
  async orphans(): Promise<Locator> {
    await workerDone(this.page);
    await this.page.getByTestId('orphan-summary').waitFor({ timeout: workerTimeout() });
    return this.page.getByTestId('orphan-row');
  }
  async filterOrphans(source: string, withSuggestion: boolean): Promise<void> {
    await this.page.getByTestId('orphan-source').selectOption(source);
    await this.page.getByRole('checkbox', { name: /only with a suggestion/ }).setChecked(withSuggestion);
  }
  conflictRows(): Locator {
    return this.page.getByTestId('conflict-row');
  }
  async exportConflicts(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export-conflicts').click()]);
    return download;
  }
  async whatIf(source: string, rule: string, on: boolean): Promise<Locator> {
    await this.page.getByTestId(`whatif-${source}-${rule}`).setChecked(on);
    await workerDone(this.page);
    const panel = this.page.getByTestId('what-if');
    await panel.getByTestId('what-if-summary').waitFor({ timeout: workerTimeout() });
    return panel;
  }
  async ruleRecords(source: string, rule: string): Promise<Locator> {
    await this.page.getByRole('button', { name: new RegExp(`records hit by ${source} rule ${rule}$`) }).click();
    await this.page.getByTestId('rule-record').first().waitFor();
    return this.page.getByTestId('rule-record');
  }
  async keyAdvice(): Promise<{ recommendation: Locator; callout: Locator }> {
    await workerDone(this.page);
    const recommendation = this.page.getByTestId('key-recommendation');
    await recommendation.waitFor({ timeout: workerTimeout() });
    return { recommendation, callout: this.page.getByTestId('key-callout') };
  }
}

export class ExplainPage {
  constructor(readonly page: Page) {}
  async open(): Promise<void> {
    await this.page.getByTestId('nav-explain').click();
    await this.page.getByRole('heading', { name: 'Explain', level: 1 }).waitFor();
  }
  /** Asks why, and waits for the trace of exactly this query. */
  async ask(query: string): Promise<string[]> {
    await this.page.getByTestId('explain-query').fill(query);
    await this.page.getByTestId('explain-submit').click();
    // The trace of this query, not the one shown before it.
    const quoted = query.trim().replace(/["\\]/g, '\\$&');
    await this.page.locator(`[data-testid="trace"][data-query="${quoted}"]`).waitFor({ timeout: workerTimeout() });
    return this.page.getByTestId('diagnosis-line').allTextContents();
  }
  async export(kind: 'json' | 'html'): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`export-trace-${kind}`).click()]);
    return download;
  }
}
