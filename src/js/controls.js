// The controls that need nothing from the app, on every page: written as plain HTML (by the
// build and by the app alike), they work on the pages of their own, where the app never starts,
// and cost the app's wasm nothing.
//
// "Share link" ([data-share]) and "Copy" ([data-copy]: the text of the element it names) say
// what they did in their group's status line. Pressed on a static page the app is about to
// take over, they are left to takeover.js, which presses them again in the app (whose
// rendering would replace the status line).
//
// "Save" ([data-save], in every card and on each resource's page; see save_button in
// src/components/resource_card.rs): My list, which keeps the ids of the resources a visitor
// saved, in their order.
// - Kept in localStorage under "resilience-toolkit:<base path>:list", so two copies of the
//   toolkit on one site keep two lists. Where the browser refuses it (private browsing, a
//   privacy setting), in sessionStorage, for the tab, or at worst in this page only; the
//   buttons say so when pressed, and My list says so at the top.
// - Buttons are not shown until this script runs (the stylesheet keeps their place, so nothing
//   moves), and each says whether its resource is saved (aria-pressed), also in cards the app
//   draws later and in other tabs (the storage event).
// - The header's "My list" link shows how many are saved.
// - On My list itself (#my-list), my-list.js draws the list, through window.toolkitList.
(() => {
  const base = new URL(document.baseURI).pathname.replace(/\/$/, '');
  const KEY = `resilience-toolkit:${base}:list`;
  /** My list's path (routes.rs: Base::my_list), to find the header's link to it. */
  const LIST = `${base}/list`;
  const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  /** Where the list is kept: "local" (this browser), "session" (this tab) or "page". */
  let kept = 'page';
  let store = null;
  for (const [name, open] of [['local', () => localStorage], ['session', () => sessionStorage]]) {
    try {
      const s = open();
      s.setItem(`${KEY}:probe`, '1');
      s.removeItem(`${KEY}:probe`);
      [store, kept] = [s, name];
      break;
    } catch {
      // refused: try the next
    }
  }
  let memory = [];

  /** The saved ids, in order (anything unreadable in storage is left out). */
  const read = () => {
    if (!store) return [...memory];
    try {
      const ids = JSON.parse(store.getItem(KEY) ?? '[]');
      return Array.isArray(ids) ? [...new Set(ids.filter((id) => typeof id === 'string' && ID.test(id)))] : [];
    } catch {
      return [];
    }
  };

  const listeners = [];
  const changed = () => {
    show();
    listeners.forEach((listener) => listener());
  };

  /** Keeps `ids` as the list, in their order. */
  const write = (ids) => {
    memory = [...new Set(ids)];
    try {
      store?.setItem(KEY, JSON.stringify(memory));
    } catch {
      [store, kept] = [null, 'page']; // full or withdrawn: kept for this page
    }
    changed();
  };

  /** Every button's state and the count, as the list is now. */
  const show = () => {
    const ids = new Set(read());
    for (const button of document.querySelectorAll('[data-save]')) {
      const pressed = String(ids.has(button.dataset.save));
      if (button.getAttribute('aria-pressed') !== pressed) button.setAttribute('aria-pressed', pressed);
    }
    const text = ids.size ? ` (${ids.size})` : '';
    for (const link of document.querySelectorAll(`nav a[href="${LIST}"]`)) {
      let count = link.querySelector('.list-count');
      if (!count) {
        count = link.appendChild(document.createElement('span'));
        count.className = 'list-count';
      }
      if (count.textContent !== text) count.textContent = text;
    }
  };

  // A status line of its own, outside what the app replaces, for what a button did.
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  document.body.append(status);
  const say = (text) => {
    if (!status.isConnected) document.body.append(status);
    status.textContent = text;
  };
  const where = () =>
    ({ local: '', session: ' This browser keeps it only until the tab is closed.', page: ' This browser keeps it only while this page is open.' })[kept];

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-save]') : null;
    if (!button) return;
    const ids = read();
    const at = ids.indexOf(button.dataset.save);
    if (at < 0) ids.push(button.dataset.save);
    else ids.splice(at, 1);
    write(ids);
    const count = ids.length === 1 ? '1 resource' : `${ids.length} resources`;
    say((at < 0 ? `Saved to My list, which now has ${count}.` : `Taken out of My list, which now has ${count}.`) + where());
  });
  addEventListener('storage', (event) => {
    if (event.key === KEY || event.key === null) changed();
  });
  new MutationObserver(show).observe(document.body, { childList: true, subtree: true });
  document.documentElement.classList.add('can-save');
  show();

  // Share link and Copy.
  const copy = async (text) => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false; // refused: an insecure origin, a frame without the permission
    }
  };
  document.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-share], [data-copy]') : null;
    // A press takeover.js holds (it cancels it) is pressed again once the app is there.
    if (!button || event.defaultPrevented) return;
    const tell = (text) => {
      const line = button.parentElement.querySelector('[role="status"]');
      if (line) line.textContent = text;
    };
    if (button.dataset.copy !== undefined) {
      const text = document.getElementById(button.dataset.copy)?.textContent ?? '';
      tell((await copy(text)) ? button.dataset.copied : 'Copying is not available here; select the text to copy it.');
      return;
    }
    const url = button.dataset.shareUrl || location.href;
    if (navigator.share) {
      try {
        await navigator.share({ title: button.dataset.shareTitle || document.title, url });
        tell('Shared.');
        return;
      } catch (error) {
        if (error?.name === 'AbortError') return tell(''); // closed by the visitor
        // refused (no user activation left, a frame's policy): copy instead
      }
    }
    tell((await copy(url)) ? button.dataset.copied || 'Link copied: paste it to pass this page on.' : `Sharing is not available here. The link: ${url}`);
  });

  window.toolkitList = { read, write, kept: () => kept, onChange: (listener) => listeners.push(listener), ID };
  if (document.getElementById('my-list')) import(new URL('my-list.js', document.baseURI).href);
})();
