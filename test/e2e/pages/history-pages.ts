/**
 * Page objects of the History and Compare screens (issue 5), and the header's sample menu. Role, label
 * and data-testid locators; each waits for what makes its screen ready.
 */
import type { Download, Locator, Page } from 'playwright-core';

/** The screen tabs this spec uses beyond app-pages' Shell, and the sample's exports. */
export class HistoryShell {
  constructor(readonly page: Page) {}
  goto(screen: 'History' | 'Compare' | 'Overview' | 'Roster' | 'Project' | 'Run' | 'Audit' | 'Explain') {
    return this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: new RegExp(`^${screen}`) }).click();
  }
  async openSampleExport(label: RegExp): Promise<void> {
    await this.page.getByTestId('open-sample-menu').locator('summary').click();
    await this.page.getByTestId('open-sample-menu').getByRole('button', { name: label }).click();
  }
}

export class HistoryPage {
  constructor(readonly page: Page) {}
  async ready(runs: number): Promise<void> {
    await this.page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
    await this.page.getByTestId('history-run').nth(runs - 1).waitFor();
    await this.page.getByTestId('history-chart').locator('.recharts-line').first().waitFor();
    await this.page.getByTestId('deletion-candidates').waitFor();
  }
  runs(): Locator {
    return this.page.getByTestId('history-run');
  }
  /** The deletion candidates' rows as { email, daysLeft, deleteAfter, missingSince }. */
  async candidates(): Promise<{ email: string; daysLeft: string; deleteAfter: string; missingSince: string }[]> {
    await this.page.getByTestId('deletion-candidates-row').first().waitFor();
    return this.page.getByTestId('deletion-candidates-row').evaluateAll((rows) =>
      rows.map((row) => {
        const cell = (col: string) => row.querySelector(`[data-col="${col}"]`)?.textContent ?? '';
        return { email: cell('Email'), daysLeft: cell('Days left'), deleteAfter: cell('Delete after'), missingSince: cell('Missing since') };
      }),
    );
  }
}

export class ComparePage {
  constructor(readonly page: Page) {}
  async ready(): Promise<void> {
    await this.page.getByTestId('compare-matching').waitFor({ timeout: 60_000 });
    await this.page.getByTestId('compare-chart').locator('.recharts-bar-rectangle').first().waitFor();
  }
  async tab(kind: 'added' | 'removed' | 'changed' | 'links' | 'enablement' | 'coverage'): Promise<number> {
    const tab = this.page.getByTestId(`diff-tab-${kind}`);
    await tab.click();
    return Number(((await tab.locator('.tab-count').textContent()) ?? '').replace(/\D/g, ''));
  }
  async filter(value: string): Promise<void> {
    await this.page.getByTestId('diff-filter').selectOption(value);
  }
  /** Searches the list and waits for the count to settle on `expected` users. */
  async search(text: string, expected: number): Promise<void> {
    await this.page.getByTestId('diff-search').fill(text);
    await this.page.getByTestId('diff-count').filter({ hasText: new RegExp(`^${expected.toLocaleString('en-US')} users?$`) }).waitFor();
    // The count alone may still be the previous search's: wait for a row that matches this one.
    if (text && expected > 0) await this.rows().filter({ hasText: text }).first().waitFor();
  }
  rows(): Locator {
    return this.page.getByTestId('diff-row');
  }
  /** Opens the first row and returns the user diff's row of `field` as [field, old, new]. */
  async fieldOfFirst(field: string): Promise<string[]> {
    const name = (await this.rows().first().locator('strong').textContent()) ?? '';
    await this.rows().first().click();
    const diff = this.page.getByTestId('user-diff');
    await diff.getByRole('heading', { name, exact: true }).waitFor();
    const row = diff.getByTestId('user-diff-fields').locator(`tr[data-field="${field}"]`);
    await row.waitFor();
    return row.locator('th, td').allTextContents();
  }
  async exportCsv(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export-diff').click()]);
    return download;
  }
}
