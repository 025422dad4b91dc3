// Starting the app: when, and without a seam. Every page arrives as static HTML (written by
// the build), complete and readable at once; its links work without the app. The app enhances
// it: search, filters, forms, in-app navigation. Every name this script shares with the app
// and the build comes from the build (`C`, from src/contract.rs).
//
// - When: on a page of its own (home, the terms' pages, What's new, About, how to read the
//   evidence, the collections: text and links, whose one form, home's search, is ordinary),
//   only if the catalogue or the settings changed since the build wrote it (see "Out of date?"
//   below). On My list, at once: only the app can draw the visitor's list. Elsewhere the loader
//   in app.html waits for the `wanted` global: at once where the static page is not the whole
//   story (app.html's loading message, an address with a query such as filters or ?embed=1, a
//   page inside a frame, a submission waiting in the outbox), otherwise as soon as the visitor
//   is there: the first pointer movement, touch, scroll, key or focus. Until then the page costs
//   no script time at all.
// - Takeover: the app replaces the static page with its own rendering of the same page in one
//   task (platform::take_over in src/platform/lifecycle.rs), between the take-over and
//   taken-over events, once no pointer is pressed (the `free` global), so a click in progress
//   is never split between the two renderings. What the visitor did on the static page is
//   kept: scroll position, focus, typed text, ticked boxes, opened disclosures; and a button
//   pressed or a form sent before the app was there is pressed or sent again in the app.
// - Embedded (the embed flag on in the address), a link followed before the app has started
//   keeps the page embedded.
(() => {
  const C = "__CONTRACT{attributes,boot,embed,events,files,globals,heightMessage,storage,worker}__";
  const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';
  const page = () => document.getElementById(C.boot);
  /** A static page written by the build (app.html has only a loading message). */
  const isStatic = () => page()?.hasAttribute(C.attributes.static) ?? false;
  /** A page of its own (home, a term, What's new, About, a collection): the app starts there only if its data changed. */
  const standalone = page()?.hasAttribute(C.attributes.standalone) ?? false;

  // When to start.
  const PRESENCE = ['pointermove', 'pointerdown', 'touchstart', 'wheel', 'scroll', 'keydown', 'focusin'];
  const outboxWaiting = () => {
    try {
      return Object.keys(localStorage).some((key) => key.startsWith(C.storage.outbox));
    } catch {
      return false; // storage refused: nothing can be waiting in it
    }
  };
  let start;
  const wanted = new Promise((resolve) => (start = resolve));
  window[C.globals.wanted] = () => wanted;
  const atOnce = page()?.hasAttribute(C.attributes.atOnce) ?? false;
  if (!standalone) {
    if (!isStatic() || atOnce || location.search !== '' || window.self !== window.top || outboxWaiting()) {
      start();
    } else {
      const go = () => {
        PRESENCE.forEach((name) => removeEventListener(name, go, true));
        start();
      };
      PRESENCE.forEach((name) => addEventListener(name, go, { capture: true, passive: true }));
    }
  }

  // Out of date? The build wrote this page from the site's settings and catalogue, and marked
  // it with their SHA-256; a deployer may have replaced either since, without rebuilding. Once
  // the page has loaded, the live files are digested in turn: where either differs, the app
  // starts at once and takes the page over with the live data, a page of its own included.
  // (Where the browser gives scripts no SHA-256, on a plain-http site, the page stands as
  // written.) The service worker serves the data from its copy at once and says when its copy
  // changed, which sets off the check again, or, once the app runs, tells it.
  const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
  // The files fetched from the server for the check, as the settings name them: the app, when it
  // starts, takes them from the browser's cache instead of asking the server again.
  const fetched = [];
  const digestOf = async (name) => {
    const response = await fetch(new URL(name, document.baseURI), { cache: 'no-cache' });
    if (response.status === 404) return '';
    if (!response.ok) throw new Error(`${name}: ${response.status}`);
    const digest = hex(await crypto.subtle.digest('SHA-256', await response.arrayBuffer()));
    fetched.push(name);
    return digest;
  };
  const stale = async () => {
    const root = page();
    if (!root || !isStatic() || !globalThis.crypto?.subtle) return false;
    const written = (name) => root.getAttribute(C.attributes[name]) ?? '';
    if ((await digestOf(C.files.config)) !== written('configDigest')) return true;
    return (await digestOf(written('catalogueUrl'))) !== written('catalogueDigest');
  };
  // A file that cannot be fetched (offline) leaves the page as written.
  const check = () => stale().then((out) => out && start(), () => {});
  const checked = new Promise((done) => {
    const run = () => setTimeout(() => check().then(() => done([...fetched])));
    if (document.readyState === 'complete') run();
    else addEventListener('load', run, { once: true });
  });
  window[C.globals.checked] = () => checked;
  let started = false;
  addEventListener(C.events.takenOver, () => (started = true));
  navigator.serviceWorker?.addEventListener('message', (event) => {
    if (event.data?.type !== C.worker.dataChanged) return;
    if (started) dispatchEvent(new Event(C.events.dataChanged));
    else check();
  });

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
  window[C.globals.free] = () => (pressed.size === 0 ? Promise.resolve() : new Promise((resolve) => whenReleased.push(resolve)));

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
  const writtenOpen = new Map([...(page()?.querySelectorAll('details') ?? [])].map((d) => [d, d.open]));

  // A button pressed or a form sent on the static page does nothing there (a form would even
  // reload the page): held, and done again once the app has taken over. (Not on a page of its
  // own, whose one form, home's search, is an ordinary form that opens the browse page.)
  let pending = null;
  addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      // "Save" works before the app too (controls.js): done once, not again.
      if (standalone || !isStatic() || !button || !page().contains(button) || button.hasAttribute(C.attributes.save)) return;
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
  window.addEventListener(C.events.takeOver, () => {
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

  window.addEventListener(C.events.takenOver, () => {
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
  if (standalone && window.self !== window.top && document.documentElement.classList.contains(C.embed.class)) {
    const post = () => window.parent.postMessage({ type: C.heightMessage, height: document.body.offsetHeight }, '*');
    new ResizeObserver(post).observe(document.body);
  }

  // Embedded by the address (the embed flag on), a link followed before the app has started
  // leads to another static page, which must stay embedded too. (Once the app runs, it keeps
  // embed mode itself.) The flag's last value counts, as the app reads it.
  const embedded = C.embed.on.includes(new URLSearchParams(location.search).getAll(C.embed.key).at(-1));
  document.addEventListener(
    'click',
    (event) => {
      if (!embedded || !page()) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!link || link.origin !== location.origin || link.target) return;
      const url = new URL(link.href);
      if (url.pathname === location.pathname && url.hash) return;
      if (!url.searchParams.has(C.embed.key)) {
        url.searchParams.set(C.embed.key, C.embed.on[0]);
        link.href = url.href;
      }
    },
    true,
  );
})();
