// Every page arrives as static HTML (written by the build), complete and readable at once; its
// links work without the app. The app enhances it: search, filters, forms, in-app navigation.
// This script decides when the app starts, and makes its arrival seamless:
//
// - When: never on a page of its own (`data-standalone`: home, the terms' pages, What's new,
//   About, the collections and My list, whose controls need no app: home's search is an
//   ordinary form, the rest controls.js and my-list.js answer; see src/pages/standalone.rs).
//   Elsewhere the loader in app.html waits for `toolkitWanted()`: at once where the static
//   page is not the whole story (app.html's loading message, an address with a query such as
//   filters or ?embed=1, a page inside a frame, a submission waiting in the outbox), otherwise
//   as soon as the visitor is there: the first pointer movement, touch, scroll, key or focus.
//   Until then the page costs no script time at all.
// - Takeover: the app replaces the static page with its own rendering of the same page in one
//   task (platform::take_over in src/platform.rs), between "toolkit:take-over" and
//   "toolkit:taken-over", once no pointer is pressed (`toolkitFree()`), so a click in progress
//   is never split between the two renderings. What the visitor did on the static page is
//   kept: scroll position, focus, typed text, ticked boxes, opened disclosures; and a button
//   pressed or a form sent before the app was there is pressed or sent again in the app.
// - Embedded with ?embed=1, a link followed before the app has started keeps the page embedded.
(() => {
  const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';
  const page = () => document.getElementById('boot');
  /** A static page written by the build (app.html has only a loading message). */
  const isStatic = () => page()?.hasAttribute('data-static') ?? false;
  /** A page of its own (home, a term, What's new, About, a collection, My list): the app never starts there. */
  const standalone = page()?.hasAttribute('data-standalone') ?? false;

  // When to start.
  const PRESENCE = ['pointermove', 'pointerdown', 'touchstart', 'wheel', 'scroll', 'keydown', 'focusin'];
  const outboxWaiting = () => {
    try {
      return Object.keys(localStorage).some((key) => /^resilience-toolkit:.*:outbox:/.test(key));
    } catch {
      return false; // storage refused: nothing can be waiting in it
    }
  };
  const wanted = new Promise((resolve) => {
    if (standalone) return; // never resolved: the page is whole as it is
    if (!isStatic() || location.search !== '' || window.self !== window.top || outboxWaiting()) {
      resolve();
      return;
    }
    const go = () => {
      PRESENCE.forEach((name) => removeEventListener(name, go, true));
      resolve();
    };
    PRESENCE.forEach((name) => addEventListener(name, go, { capture: true, passive: true }));
  });
  window.toolkitWanted = () => wanted;

  // Not while a pointer is pressed: the click it ends in must reach what it was pressed on.
  const pressed = new Set();
  const whenReleased = [];
  addEventListener('pointerdown', (e) => pressed.add(e.pointerId), true);
  for (const name of ['pointerup', 'pointercancel']) {
    addEventListener(
      name,
      (e) => {
        pressed.delete(e.pointerId);
        // After this input's click, which is dispatched in the same task.
        if (pressed.size === 0) whenReleased.splice(0).forEach((resolve) => setTimeout(resolve));
      },
      true,
    );
  }
  window.toolkitFree = () => (pressed.size === 0 ? Promise.resolve() : new Promise((resolve) => whenReleased.push(resolve)));

  /** What identifies an element in both renderings: its id, else its kind, link and text, and
   *  which of the elements alike it is (a link can be both in a card and in the navigation). */
  const describe = (el, root) => {
    const alike = (other) =>
      other.tagName === el.tagName && other.getAttribute('href') === el.getAttribute('href') && other.textContent === el.textContent;
    return { id: el.id || null, alike, nth: [...root.querySelectorAll(el.tagName)].filter(alike).indexOf(el) };
  };
  const find = ({ id, alike, nth, tag }) => (id ? document.getElementById(id) : [...document.body.querySelectorAll(tag)].filter(alike)[nth]);
  const identify = (el, root) => ({ ...describe(el, root), tag: el.tagName });

  /** Whether a field holds something other than what the page was written with. */
  const changed = (field) =>
    field.type === 'checkbox' || field.type === 'radio'
      ? field.checked !== field.defaultChecked
      : field.tagName === 'SELECT'
        ? // With no option marked selected, a menu starts at its first.
          field.selectedIndex !== Math.max(0, [...field.options].findIndex((o) => o.defaultSelected))
        : field.value !== field.defaultValue;

  // Disclosures as written, to tell which ones the visitor opened or closed.
  const writtenOpen = new Map([...document.querySelectorAll('#boot details')].map((d) => [d, d.open]));

  // A button pressed or a form sent on the static page does nothing there (a form would even
  // reload the page): held, and done again once the app has taken over. (Not on a page of its
  // own, whose one form, home's search, is an ordinary form that opens the browse page.)
  let pending = null;
  addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      // "Save" works before the app too (controls.js): done once, not again.
      if (standalone || !isStatic() || !button || !page().contains(button) || button.hasAttribute('data-save')) return;
      event.preventDefault();
      pending = { ...identify(button, page()), act: (el) => el.click() };
    },
    true,
  );
  addEventListener(
    'submit',
    (event) => {
      if (standalone || !isStatic() || !page().contains(event.target)) return;
      event.preventDefault();
      pending = { ...identify(event.target, page()), act: (form) => form.requestSubmit() };
    },
    true,
  );

  let saved = null;
  window.addEventListener('toolkit:take-over', () => {
    const root = page();
    if (!root) return;
    const active = document.activeElement;
    const focused = active && active !== root && root.contains(active) ? active : null;
    // The first heading in view, and where: the app's cards out of view are sized by an
    // estimate until shown, so the same scroll offset may show other content; this keeps what
    // was on screen where it was.
    const anchor = [...root.querySelectorAll('h1, h2, h3')].find((h) => h.getBoundingClientRect().top >= 0);
    saved = {
      x: window.scrollX,
      y: window.scrollY,
      anchor: anchor ? { ...identify(anchor, root), top: anchor.getBoundingClientRect().top } : null,
      focused: focused ? identify(focused, root) : null,
      fields: [...root.querySelectorAll('input[id], textarea[id], select[id]')].filter(changed).map((field) => ({
        id: field.id,
        value: field.value,
        checked: field.checked,
      })),
      disclosures: [...writtenOpen].filter(([d]) => d.open !== writtenOpen.get(d)).map(([d]) => ({ ...identify(d, root), open: d.open })),
      pending,
    };
    pending = null;
  });

  window.addEventListener('toolkit:taken-over', () => {
    if (!saved) return;
    const { x, y, anchor, focused, fields, disclosures, pending: action } = saved;
    saved = null;
    for (const disclosure of disclosures) {
      const el = find(disclosure);
      if (el) el.open = disclosure.open;
    }
    for (const { id, value, checked } of fields) {
      const field = document.getElementById(id);
      if (!field) continue;
      if (field.type === 'checkbox' || field.type === 'radio') {
        // A click, so the app hears the change as it would the visitor's.
        if (field.checked !== checked) field.click();
      } else if (field.value !== value) {
        field.value = value;
        field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
      }
    }
    if (focused) find(focused)?.focus({ preventScroll: true });
    window.scrollTo(x, y);
    const moved = anchor ? find(anchor) : null;
    if (moved) {
      const keep = () => window.scrollBy(0, moved.getBoundingClientRect().top - anchor.top);
      keep();
      // The app's cards near the view are laid out at their real size in the next rendering
      // (content-visibility), which moves what is below them: keep the anchor in place each
      // time, after layout and before paint (a resize observer's moment), for two frames.
      const settling = new ResizeObserver(keep);
      settling.observe(document.body);
      requestAnimationFrame(() => requestAnimationFrame(() => settling.disconnect()));
    }
    if (action) {
      const el = find(action);
      if (el) action.act(el);
    }
  });

  // A page of its own, embedded in a frame: the app never starts there, so this tells the
  // embedding page the height, as the app does (platform::start_embed_mode), for the frame to fit.
  if (standalone && window.self !== window.top && document.documentElement.classList.contains('embed')) {
    const post = () => window.parent.postMessage({ type: 'resilience-toolkit:height', height: document.body.offsetHeight }, '*');
    new ResizeObserver(post).observe(document.body);
  }

  // A download the app asks for (CSV, RIS or BibTeX of a resource or of a list of results):
  // done by export.js, loaded the first time. The detail is "extension\nname\nstatus id\nids".
  addEventListener('toolkit:export', (event) => {
    const [extension, name, status, ids] = String(event.detail).split('\n');
    import(new URL('export.js', document.baseURI).href).then((m) => m.download(extension, name, ids.split(' ').filter(Boolean), status));
  });

  // Embedded with ?embed=1, a link followed before the app has started leads to another static
  // page, which must stay embedded too. (Once the app runs, it keeps embed mode itself.)
  document.addEventListener(
    'click',
    (event) => {
      if (!/[?&]embed=1(&|$)/.test(location.search) || !page()) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!link || link.origin !== location.origin || link.target) return;
      const url = new URL(link.href);
      if (url.pathname === location.pathname && url.hash) return;
      if (!url.searchParams.has('embed')) {
        url.searchParams.set('embed', '1');
        link.href = url.href;
      }
    },
    true,
  );
})();
