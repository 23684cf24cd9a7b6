/**
 * Page objects, one per screen, over role, label and data-testid locators. Each waits for what makes its
 * screen ready, so specs read as steps.
 */
import type { Download, Locator, Page } from 'playwright-core';

const RUN_TIMEOUT = 120_000;

/** The header: screen tabs and the open project. */
export class Shell {
  constructor(readonly page: Page) {}
  goto(screen: 'project' | 'run' | 'overview' | 'roster') {
    return this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: new RegExp(`^${screen}`, 'i') }).click();
  }
  projectName(): Locator {
    return this.page.getByTestId('project-name');
  }
}

export class ProjectPage {
  constructor(readonly page: Page) {}
  async ready(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Project', level: 1 }).waitFor();
    await this.page.getByTestId('source-preview').first().waitFor({ timeout: 30_000 });
  }
  sourceTabs(): Locator {
    return this.page.getByRole('navigation', { name: 'Sources' }).getByRole('button');
  }
  async run(): Promise<void> {
    await this.page.getByTestId('run-project').click();
  }
}

export class RunPage {
  constructor(readonly page: Page) {}
  async waitDone(): Promise<string> {
    const phase = this.page.getByTestId('run-phase');
    await phase.filter({ hasText: /complete|failed|cancelled/ }).waitFor({ timeout: RUN_TIMEOUT });
    return (await phase.textContent()) ?? '';
  }
  errors(): Locator {
    return this.page.getByRole('list', { name: 'Run errors' });
  }
}

export class OverviewPage {
  constructor(readonly page: Page) {}
  async ready(): Promise<void> {
    await this.page.getByTestId('counter-imported').waitFor();
  }
  async counter(id: 'imported' | 'enabled' | 'chat' | 'itsm' | 'idam'): Promise<number> {
    const text = (await this.page.getByTestId(`counter-${id}`).textContent()) ?? '';
    return Number(text.replace(/[^\d]/g, ''));
  }
  runOptions(): Locator {
    return this.page.getByTestId('run-picker').locator('option');
  }
}

export class RosterPage {
  constructor(readonly page: Page) {}
  async ready(): Promise<void> {
    await this.page.getByTestId('roster-row').first().waitFor();
  }
  async search(text: string): Promise<void> {
    await this.page.getByTestId('roster-search').fill(text);
    await this.page.getByTestId('roster-count').filter({ hasText: /match/ }).waitFor();
  }
  async clearSearch(): Promise<void> {
    await this.page.getByTestId('roster-search').fill('');
    await this.page.getByTestId('roster-count').filter({ hasText: /users$/ }).waitFor();
  }
  rows(): Locator {
    return this.page.getByTestId('roster-row');
  }
  drawer(): Locator {
    return this.page.getByTestId('user-drawer');
  }
  async exportCsv(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export-roster').click()]);
    return download;
  }
}
