// Page objects: how a person uses each screen, by roles and labels.
import { expect } from './expect.mjs';
import { appStarted } from './browser.mjs';

export class BrowsePage {
  constructor(page, server) {
    this.page = page;
    this.server = server;
  }

  /** A new page of `site` (from `useSite`) on the browse page, the app started. */
  static async visit(site, query = '', contextOptions = {}) {
    const browse = new BrowsePage(await site.page(contextOptions), site.server);
    await browse.open(query);
    return browse;
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

  /** The checkbox for a term: its label is "Case study (8)". `facet`, a filter group's name
   *  ("Kind of evidence"), tells apart two facets' terms with the same label. */
  checkbox(termLabel, facet) {
    const scope = facet ? this.page.getByRole('group', { name: facet, exact: true }) : this.page;
    return scope.getByRole('checkbox', { name: new RegExp(`^${escape(termLabel)} \\(\\d+\\)$`) });
  }

  /** Unfolds a filter group's "N more …" terms, if it has them. */
  async showAllTerms(facet) {
    const more = this.page.getByRole('group', { name: facet, exact: true }).locator('details.more-terms');
    if ((await more.count()) > 0 && !(await more.evaluate((el) => el.open))) await more.locator('summary').click();
  }

  /** The count shown beside a term. */
  async termCount(termLabel, facet) {
    const name = await this.checkbox(termLabel, facet).evaluate((el) => el.labels[0].textContent);
    return Number(name.match(/\((\d+)\)$/)[1]);
  }

  async toggle(termLabel, facet) {
    await this.checkbox(termLabel, facet).click();
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
