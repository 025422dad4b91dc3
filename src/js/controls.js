// The controls that need nothing from the app, on every page: written as plain HTML (by the
// build and by the app alike), they work on the pages of their own, where the app never starts,
// and cost the app's wasm nothing. Every name and rule shared with the app comes from the build
// (`C`, from src/contract.rs).
//
// "Share link" (the share attribute) and "Copy" (the copy attribute: the text of the element
// it names) say
// what they did in their group's status line. Pressed on a static page the app is about to
// take over, they are left to start.js, which presses them again in the app (whose
// rendering would replace the status line).
//
// "Save" (the save attribute, in every card and on each resource's page; see save_button in
// src/components/resource_card.rs): My list, which keeps the ids of the resources a visitor
// saved, in their order.
// - Kept in localStorage under the list's key, which holds the base path, so two copies of the
//   toolkit on one site keep two lists. Where the browser refuses it (private browsing, a
//   privacy setting), in sessionStorage, for the tab, or at worst in this page only; the
//   buttons say so when pressed, and My list says so at the top.
// - Buttons are not shown until this script runs (the stylesheet keeps their place, so nothing
//   moves), and each says whether its resource is saved (aria-pressed), also in cards the app
//   draws later and in other tabs (the storage event).
// - The header's "My list" link shows how many are saved.
// - The app's My list reads and changes it through the list global below.
(() => {
  const C = "__CONTRACT{attributes,globals,slug,storage,text}__";
  const KEY = C.storage.list;
  const PATTERN = new RegExp(C.slug.pattern);
  /** Whether text is a resource id, as the catalogue's rule has it. */
  const isId = (id) => typeof id === 'string' && id.length <= C.slug.max && PATTERN.test(id);
  /** The words in the page's language (the app marks its own page with it when it starts). */
  const words = () => C.text[document.documentElement.lang.split('-')[0]] ?? C.text.en;
  /** "1 resource", "3 resources", by the language's plural rules. */
  const count = (n) => {
    const forms = words().resources;
    const form = new Intl.PluralRules(document.documentElement.lang || undefined).select(n);
    return (forms[form] ?? forms.other).replace('{n}', String(n));
  };

  /** Where the list is kept: "local" (this browser), "session" (this tab) or "page". */
  let kept = 'page';
  let store = null;
  for (const [name, open] of [['local', () => localStorage], ['session', () => sessionStorage]]) {
    try {
      const s = open();
      s.setItem(C.storage.probe, '1');
      s.removeItem(C.storage.probe);
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
      return Array.isArray(ids) ? [...new Set(ids.filter(isId))] : [];
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
    for (const button of document.querySelectorAll(`[${C.attributes.save}]`)) {
      const pressed = String(ids.has(button.getAttribute(C.attributes.save)));
      if (button.getAttribute('aria-pressed') !== pressed) button.setAttribute('aria-pressed', pressed);
    }
    const text = ids.size ? ` (${ids.size})` : '';
    for (const link of document.querySelectorAll(`[${C.attributes.myList}]`)) {
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
  const where = () => ({ local: '', session: ` ${words().keptSession}`, page: ` ${words().keptPage}` })[kept];

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest(`[${C.attributes.save}]`) : null;
    if (!button) return;
    const id = button.getAttribute(C.attributes.save);
    const ids = read();
    const at = ids.indexOf(id);
    if (at < 0) ids.push(id);
    else ids.splice(at, 1);
    write(ids);
    const now = count(ids.length);
    say((at < 0 ? words().saved : words().removed).replace('{count}', now) + where());
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
    const { share, shareUrl, shareTitle, copy: copyAttribute, copied } = C.attributes;
    const button = event.target instanceof Element ? event.target.closest(`[${share}], [${copyAttribute}]`) : null;
    // A press start.js holds (it cancels it) is pressed again once the app is there.
    if (!button || event.defaultPrevented) return;
    const tell = (text) => {
      const line = button.parentElement.querySelector('[role="status"]');
      if (line) line.textContent = text;
    };
    if (button.hasAttribute(copyAttribute)) {
      const text = document.getElementById(button.getAttribute(copyAttribute))?.textContent ?? '';
      tell((await copy(text)) ? button.getAttribute(copied) : words().copyUnavailable);
      return;
    }
    const url = button.getAttribute(shareUrl) || location.href;
    if (navigator.share) {
      try {
        await navigator.share({ title: button.getAttribute(shareTitle) || document.title, url });
        tell(words().shared);
        return;
      } catch (error) {
        if (error?.name === 'AbortError') return tell(''); // closed by the visitor
        // refused (no user activation left, a frame's policy): copy instead
      }
    }
    tell((await copy(url)) ? button.getAttribute(copied) || words().linkCopied : words().shareUnavailable.replace('{url}', url));
  });

  // My list's page (the app's) reads and changes the list through this, so the list is kept one way.
  window[C.globals.list] = { read, write, kept: () => kept, onChange: (listener) => listeners.push(listener) };
})();
