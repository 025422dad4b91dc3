// My list's page (/list, src/pages/my_list.rs): draws the saved resources and answers the
// page's controls. Loaded by controls.js, which keeps the list (window.toolkitList), only on this
// page.
//
// Two views: the visitor's own list (reorder with "Move up" and "Move down" or by dragging the
// handle, remove, share, export, print), and a list someone shared as a link (?ids=a,b,c: its
// resources in its order, each with its own "Save", and "Save all to My list", which adds what
// is not already there to the end of the visitor's own list). The cards are the build's
// (cards.json, kept by the service worker for offline use). An id the catalogue no longer
// has is listed as missing, never dropped.

const list = window.toolkitList;
const $ = (id) => document.getElementById(id);
const items = $('list-items');
const shared = new URLSearchParams(location.search).get('ids');
const sharedIds = shared === null ? null : [...new Set(shared.split(',').filter((id) => list.ID.test(id)))];

let cards = {};
let loaded = false;

/** The ids shown: the shared list's, or the visitor's own. */
const shown = () => sharedIds ?? list.read();
const plural = (n) => (n === 1 ? '1 resource' : `${n} resources`);
const title = (id) => cards[id]?.title ?? id;
const say = (text) => {
  $('list-status').textContent = text;
};

/** One list item: the card (or a note that the resource is missing) and, on the visitor's own
 *  list, the controls to move and remove it. Items are kept between drawings, so focus stays. */
const drawn = new Map();
function item(id) {
  if (drawn.has(id)) return drawn.get(id);
  const li = document.createElement('li');
  li.className = 'list-item';
  li.dataset.id = id;
  const card = cards[id];
  if (card) {
    li.innerHTML = card.html;
  } else {
    const missing = document.createElement('p');
    missing.className = 'card missing';
    missing.textContent = loaded
      ? `A saved resource (“${id}”) is no longer in the toolkit: it may have been renamed or withdrawn.`
      : `“${id}” (its details could not be loaded)`;
    li.append(missing);
  }
  if (sharedIds === null) {
    li.querySelector('[data-save]')?.remove(); // here, "Remove" takes it out
    const controls = document.createElement('div');
    controls.className = 'list-controls';
    controls.innerHTML =
      '<span class="drag-handle" aria-hidden="true" title="Drag to move">⠿</span>' +
      '<button type="button" class="button secondary small" data-move="-1">Move up</button>' +
      '<button type="button" class="button secondary small" data-move="1">Move down</button>' +
      '<button type="button" class="button secondary small" data-remove>Remove</button>';
    const name = title(id);
    controls.querySelector('[data-move="-1"]').setAttribute('aria-label', `Move up: ${name}`);
    controls.querySelector('[data-move="1"]').setAttribute('aria-label', `Move down: ${name}`);
    controls.querySelector('[data-remove]').setAttribute('aria-label', `Remove: ${name}`);
    li.append(controls);
  }
  drawn.set(id, li);
  return li;
}

/** Draws the list as it is now, keeping the focused control focused. */
function draw() {
  const ids = shown();
  const own = sharedIds === null;
  $('list-loading').hidden = true;
  $('list-kept').hidden = list.kept() === 'local';
  $('list-shared').hidden = own;
  $('list-empty').hidden = !own || ids.length > 0;
  $('list-tools').hidden = ids.length === 0;
  $('list-heading').textContent = own ? `${plural(ids.length)} saved` : `${plural(ids.length)} in the shared list`;
  const focused = document.activeElement;
  const wanted = ids.map(item);
  for (const [id, li] of drawn) if (!ids.includes(id)) (li.remove(), drawn.delete(id));
  wanted.forEach((li, i) => {
    if (items.children[i] !== li) items.insertBefore(li, items.children[i] ?? null);
  });
  if (focused && focused !== document.activeElement && focused.isConnected) focused.focus();
  $('list-email').href = email(ids);
  $('list-share').dataset.shareUrl = link(ids); // answered by controls.js
}

/** This list's address: the page with the ids, which opens it for anyone. */
const link = (ids) => `${location.origin}${location.pathname}?ids=${ids.join(',')}`;

/** A mailto link with each resource's citation and address, and the list's own link (only the
 *  link where that would make the address too long for email programs). */
function email(ids) {
  const subject = `Reading list from ${document.querySelector('meta[property="og:site_name"]')?.content ?? 'the Resilience Toolkit'}`;
  const entries = ids.filter((id) => cards[id]).map((id) => `${cards[id].cite}\n${new URL(cards[id].href, location.origin).href}`);
  const open = `The list, to open or save: ${link(ids)}`;
  const mailto = (body) => `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replaceAll('\n', '\r\n'))}`;
  const whole = mailto(`${entries.join('\n\n')}\n\n${open}\n`);
  return whole.length <= 1900 ? whole : mailto(`${plural(ids.length)}.\n\n${open}\n`);
}

/** Moves `id` to `to` (clamped), saying where it went. */
function move(id, to) {
  const ids = list.read();
  const from = ids.indexOf(id);
  const at = Math.max(0, Math.min(ids.length - 1, to));
  if (from < 0) return;
  if (at === from) {
    say(`${title(id)} is already ${from === 0 ? 'first' : 'last'}.`);
    return;
  }
  ids.splice(at, 0, ...ids.splice(from, 1));
  list.write(ids);
  say(`Moved ${title(id)} to position ${at + 1} of ${ids.length}.`);
}

items.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button') : null;
  const id = button?.closest('li')?.dataset.id;
  if (!id) return;
  if (button.dataset.move) move(id, list.read().indexOf(id) + Number(button.dataset.move));
  if (button.hasAttribute('data-remove')) {
    const ids = list.read();
    const at = ids.indexOf(id);
    const next = drawn.get(ids[at + 1] ?? ids[at - 1]);
    list.write(ids.filter((other) => other !== id));
    // Focus goes to the next item's Remove (or the previous one's), else to the heading.
    (next?.querySelector('[data-remove]') ?? $('page-heading')).focus();
    say(`Removed ${title(id)}. My list has ${plural(ids.length - 1)}.`);
  }
});

// Dragging the handle (mouse, pen or touch): the item follows the pointer among the others,
// and the new order is kept when it is let go.
items.addEventListener('pointerdown', (event) => {
  const handle = event.target instanceof Element ? event.target.closest('.drag-handle') : null;
  const li = handle?.closest('li');
  if (!li || event.button !== 0) return;
  event.preventDefault();
  li.classList.add('dragging');
  const follow = (e) => {
    if (e.pointerId !== event.pointerId) return;
    const over = [...items.children].find((other) => {
      const box = other.getBoundingClientRect();
      return other !== li && e.clientY >= box.top && e.clientY <= box.bottom;
    });
    if (over) {
      const box = over.getBoundingClientRect();
      items.insertBefore(li, e.clientY < box.top + box.height / 2 ? over : over.nextSibling);
    }
    if (e.clientY < 40) scrollBy(0, -12);
    if (e.clientY > innerHeight - 40) scrollBy(0, 12);
  };
  const before = list.read().join();
  const end = () => {
    removeEventListener('pointermove', follow);
    removeEventListener('pointerup', end);
    removeEventListener('pointercancel', end);
    li.classList.remove('dragging');
    const ids = [...items.children].map((other) => other.dataset.id);
    if (ids.join() === before) return;
    list.write(ids);
    say(`Moved ${title(li.dataset.id)} to position ${ids.indexOf(li.dataset.id) + 1} of ${ids.length}.`);
  };
  // On the window, not captured by the handle: moving the item in the list would release it.
  addEventListener('pointermove', follow);
  addEventListener('pointerup', end);
  addEventListener('pointercancel', end);
});

$('list-save-all').addEventListener('click', () => {
  const mine = list.read();
  const added = sharedIds.filter((id) => !mine.includes(id));
  list.write([...mine, ...added]);
  const already = sharedIds.length - added.length;
  say(
    `Added ${plural(added.length)} to My list` +
      (already ? `; ${already === 1 ? '1 was' : `${already} were`} already there.` : '.') +
      ` It now has ${plural(mine.length + added.length)}.`,
  );
});

$('list-print').addEventListener('click', () => print());

$('list-tools').addEventListener('click', (event) => {
  const format = event.target instanceof Element ? event.target.closest('[data-export]')?.dataset.export : null;
  if (!format) return;
  const name = sharedIds === null ? 'my-list' : 'shared-list';
  dispatchEvent(new CustomEvent('toolkit:export', { detail: [format, name, 'export-status', shown().join(' ')].join('\n') }));
});

try {
  const response = await fetch(new URL('cards.json', document.baseURI));
  if (!response.ok) throw new Error(String(response.status));
  cards = await response.json();
  loaded = true;
} catch {
  $('list-loading').textContent =
    'The resources’ details could not be loaded, so the list shows their ids only. Check the connection and reload the page.';
}
// Drawn once the cards are here (or failed), and again at every change, in this tab or another.
draw();
list.onChange(draw);
if (!loaded) $('list-loading').hidden = false;
