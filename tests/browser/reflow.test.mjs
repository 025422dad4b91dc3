// Reflow with wider text spacing: at 320 CSS px wide (WCAG 1.4.10) with the text spacing of
// WCAG 1.4.12 applied as a reader's style sheet would, no page of any kind scrolls sideways,
// before or after the app takes over, in English or in Welsh. (A table may scroll inside its own box: 1.4.10 allows
// content that needs two dimensions.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appStarted, everyKindOfPage, useSite } from './support/browser.mjs';

const site = useSite();

/** WCAG 1.4.12's spacing, as a user style sheet sets it. */
const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

const PAGES = everyKindOfPage('belonging').paths;
// Welsh words run longer: every kind of page in Welsh too.
PAGES.push(...PAGES.map((path) => `cy/${path}`));

/** How far the page scrolls sideways, and the widest elements past the edge. */
function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const past = [...document.querySelectorAll('body *')]
      .filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > width + 0.5)
      .filter((e) => !e.closest('.table-scroll, [tabindex="0"]'))
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${e.className}` : ''}`);
    return { by: document.documentElement.scrollWidth - width, past: past.slice(0, 5) };
  });
}

test('at 320 px with WCAG text spacing no page scrolls sideways, static or in the app', async () => {
  const page = await site.page({ viewport: { width: 320, height: 640 } });
  const found = [];
  for (const path of PAGES) {
    await page.goto(site.server.url(path));
    await page.addStyleTag({ content: SPACING });
    const measured = [['static', await overflow(page)]];
    // Pages of their own stay static while their data is current; the others are the app's.
    if (!(await page.locator('#boot[data-standalone]').count())) {
      await appStarted(page);
      await page.addStyleTag({ content: SPACING });
      measured.push(['app', await overflow(page)]);
    }
    for (const [when, o] of measured) {
      if (o.by > 0) found.push(`/${path} (${when}): ${o.by} px, ${o.past.join(', ')}`);
    }
  }
  assert.deepEqual(found, []);
});
