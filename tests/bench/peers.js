// The peers page's script: the toolkit's browse page with MiniSearch (text search) and ItemsJS
// (facets), as a JavaScript developer would typically build it. On start: fetch
// catalogue.json, JSON.parse, index it in both libraries, run the search in the address
// (?q=...), render. On each input in the search box: search again and render again.
//
// The same work as the app: a MiniSearch index over title, summary, authors, publisher and the
// taxonomy labels (prefix and fuzzy 0.2 matching, every word required, as the app requires);
// ItemsJS facets on approaches, type and subjects, each disjunctive (OR within a facet, counts
// as if the term were added); the result count in the app's words, the facet counts, and the
// first 50 results as the app's cards (title link, type · year · credit, summary, approaches),
// with the address updated as the app does.
/* global MiniSearch, itemsjs */
(() => {
  const PAGE_SIZE = 50;
  const FACETS = [
    { field: 'approaches', list: 'approaches', key: 'approach', legend: 'Approach', plural: 'approaches' },
    { field: 'type', list: 'types', key: 'type', legend: 'Resource type', plural: 'resource types' },
    { field: 'subjects', list: 'subjects', key: 'subject', legend: 'Subject', plural: 'subjects' },
  ];
  const LONG_LIST_SHOWN = 8;

  // Start downloading at once, while the libraries are evaluated.
  const download = fetch(new URL('../catalogue.json', location.href)).then((response) => {
    if (!response.ok) throw new Error(`catalogue.json: HTTP ${response.status}`);
    return response.text();
  });

  const $ = (id) => document.getElementById(id);
  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };

  function fail(error) {
    console.error(error);
    const section = el('section', { className: 'error-page' });
    section.append(el('h1', { id: 'error-heading' }, 'The peers page failed'), el('p', {}, String(error?.stack ?? error)));
    document.querySelector('main .wrap').replaceChildren(section);
  }

  async function start() {
    if (typeof MiniSearch !== 'function') throw new Error('MiniSearch did not load (minisearch.umd.js)');
    if (typeof itemsjs !== 'function') throw new Error('ItemsJS did not load (itemsjs.umd.js)');
    const { taxonomy, resources } = JSON.parse(await download);
    const labels = Object.fromEntries(FACETS.map((f) => [f.field, new Map(taxonomy[f.list].map((t) => [t.id, t.label]))]));
    const termLabels = (r) =>
      [...r.approaches.map((id) => labels.approaches.get(id)), labels.type.get(r.type), ...r.subjects.map((id) => labels.subjects.get(id))].join(' ');

    const text = new MiniSearch({
      fields: ['title', 'summary', 'authors', 'publisher', 'labels'],
      extractField: (r, field) => (field === 'authors' ? r.authors.join(' ') : field === 'labels' ? termLabels(r) : r[field]),
      searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND', boost: { title: 3, labels: 2, authors: 2, publisher: 2 } },
    });
    text.addAll(resources);
    const facets = itemsjs(resources, {
      native_search_enabled: false,
      aggregations: Object.fromEntries(
        FACETS.map((f) => [f.field, { title: f.legend, conjunction: false, size: taxonomy[f.list].length, sort: 'key' }]),
      ),
    });
    const byId = new Map(resources.map((r) => [r.id, r]));

    const selected = Object.fromEntries(FACETS.map((f) => [f.field, []]));
    const countSpans = renderFacets(taxonomy, selected, () => update(box.value));
    const box = $('browse-search');
    const count = $('result-count');
    const list = document.querySelector('.result-list');

    function card(r) {
      const meta = [labels.type.get(r.type), ...(r.year ? [String(r.year)] : []), [...r.authors, ...(r.publisher ? [r.publisher] : [])].join('; ')];
      const tags = el('ul', { className: 'tags' });
      tags.setAttribute('aria-label', 'Approaches');
      tags.append(...r.approaches.map((id) => el('li', { className: 'tag' }, labels.approaches.get(id))));
      const article = el(
        'article',
        { className: 'card' },
        el('h3', { className: 'card-title' }, el('a', { href: `../resources/${r.id}` }, r.title)),
        el('p', { className: 'card-meta' }, meta.join(' · ')),
        el('p', { className: 'card-summary' }, r.summary),
        tags,
      );
      return el('li', {}, article);
    }

    function update(value) {
      const query = value.trim();
      const filtered = query !== '' || FACETS.some((f) => selected[f.field].length);
      const ids = query ? text.search(query).map((hit) => hit.id) : undefined;
      const result = facets.search({ ids, per_page: PAGE_SIZE, filters: selected });
      const total = result.pagination.total;
      count.textContent = !filtered
        ? `Showing all ${resources.length} resources`
        : total === 0
          ? 'No resources match'
          : `${total} of ${resources.length} ${total === 1 ? 'resources matches' : 'resources match'}`;
      for (const f of FACETS) {
        for (const bucket of result.data.aggregations[f.field].buckets) {
          const span = countSpans.get(`${f.field}:${bucket.key}`);
          if (span) {
            span.textContent = ` (${bucket.doc_count})`;
            span.closest('li').classList.toggle('empty', bucket.doc_count === 0);
          }
        }
      }
      list.replaceChildren(...result.data.items.map((item) => card(byId.get(item.id))));
      const url = new URL(location.href);
      if (query) url.searchParams.set('q', query);
      else url.searchParams.delete('q');
      if (url.href !== location.href) history.replaceState(null, '', url);
    }

    box.addEventListener('input', () => update(box.value));
    box.value = new URLSearchParams(location.search).get('q') ?? '';
    update(box.value);
  }

  /** The facet checkboxes, built once; returns the count element of each term. */
  function renderFacets(taxonomy, selected, changed) {
    const spans = new Map();
    const groups = FACETS.map((f) => {
      const items = taxonomy[f.list].map((term) => {
        const id = `${f.key}-${term.id}`;
        const box = el('input', { type: 'checkbox', id });
        box.addEventListener('change', () => {
          const chosen = selected[f.field];
          if (box.checked) chosen.push(term.id);
          else chosen.splice(chosen.indexOf(term.id), 1);
          changed();
        });
        const span = el('span', { className: 'count' }, ' (0)');
        spans.set(`${f.field}:${term.id}`, span);
        return el('li', {}, box, el('label', { htmlFor: id, title: term.description }, term.label, span));
      });
      const fieldset = el('fieldset', { className: 'facet' }, el('legend', {}, f.legend), el('ul', {}, ...items.slice(0, LONG_LIST_SHOWN)));
      if (items.length > LONG_LIST_SHOWN) {
        const rest = items.slice(LONG_LIST_SHOWN);
        fieldset.append(
          el('details', { className: 'more-terms' }, el('summary', {}, `${rest.length} more ${f.plural}`), el('ul', {}, ...rest)),
        );
      }
      return fieldset;
    });
    $('facets').replaceChildren(...groups);
    return spans;
  }

  start().catch(fail);
})();
