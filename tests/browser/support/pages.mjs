// Page objects: how a person uses each screen, by roles and labels.
import { expect } from './expect.mjs';
import { appStarted } from './browser.mjs';

export class BrowsePage {
  constructor(page, server) {
    this.page = page;
    this.server = server;
  }

  async open(query = '') {
    await this.page.goto(this.server.url(`browse${query}`));
    await this.ready();
  }

  /** Waits until the app has taken over the page and shows results. */
  async ready() {
    await appStarted(this.page);
    await this.resultCount().waitFor();
  }

  /** Unfolds "Share or export these results" (folded on every visit). */
  async openShareTools() {
    const summary = this.page.locator('summary', { hasText: 'Share or export these results' });
    const open = await summary.evaluate((el) => el.parentElement.open);
    if (!open) await summary.click();
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  search() {
    return this.page.getByRole('searchbox', { name: 'Search resources' });
  }

  sort() {
    return this.page.getByRole('combobox', { name: 'Sort by' });
  }

  resultCount() {
    // Not the "Loading the resource catalogue…" status that precedes it.
    return this.page.getByRole('status').filter({ hasText: /^(Showing all \d+|\d+ of \d+ resources|No resources match)/ });
  }

  /** The checkbox for a term: its label is "Case study (8)". */
  checkbox(termLabel) {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${escape(termLabel)} \\(\\d+\\)$`) });
  }

  /** The count shown beside a term. */
  async termCount(termLabel) {
    const name = await this.page
      .getByRole('group', { name: /Approach|Resource type|Subject/ })
      .getByRole('checkbox', { name: new RegExp(`^${escape(termLabel)} \\(\\d+\\)$`) })
      .evaluate((el) => el.labels[0].textContent);
    return Number(name.match(/\((\d+)\)$/)[1]);
  }

  async toggle(termLabel) {
    await this.checkbox(termLabel).click();
    await this.settle();
  }

  /** Result titles, in order, once the view has caught up with the URL. */
  async titles() {
    await this.settle();
    return this.page.getByRole('list', { name: 'Results' }).getByRole('heading', { level: 3 }).allTextContents();
  }

  chip(name) {
    return this.page.getByRole('button', { name });
  }

  async typeSearch(text) {
    await this.search().fill(text);
    await this.settle();
  }

  /** Lets the router and the view catch up with a change. */
  async settle() {
    await this.page.waitForFunction(() => new Promise((ok) => requestAnimationFrame(() => ok(true))));
  }

  query() {
    return new URL(this.page.url()).searchParams;
  }
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export { expect };
