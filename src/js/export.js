// Downloads a list of resources as a file for a reference manager or a spreadsheet (CSV, RIS,
// BibTeX). Loaded only when a visitor first asks for one (takeover.js imports it on the app's
// "toolkit:export" event), so it costs the pages nothing until then.
//
// The records are the build's (export.json, written by the domain's catalogue::export, see
// src/prerender/exports.rs): this puts the format's head and the listed resources' records
// together in the list's order, names each resource's page at the address the site is served
// from, and hands the file to the browser. It works offline: the service worker keeps
// export.json with the catalogue.

let records = null;

/** export.json, fetched once per page (the service worker answers offline). */
function load() {
  records ??= fetch(new URL('export.json', document.baseURI)).then((response) => {
    if (!response.ok) throw new Error(`export.json answered ${response.status}`);
    return response.json();
  });
  records.catch(() => {
    records = null; // try again next time
  });
  return records;
}

/** The site's own address for the pages, as the visitor sees it (sub-path included in ids). */
const origin = () => new URL(document.baseURI).origin;

/**
 * Saves `ids`' records in the format with file extension `extension` as `<name>.<extension>`,
 * and says what happened in the element `#status` (a live region).
 */
export async function download(extension, name, ids, status) {
  const say = (text) => {
    const region = document.getElementById(status);
    if (region) region.textContent = text;
  };
  let data;
  try {
    data = await load();
  } catch {
    say('The file could not be made: the list of records did not load. Check the connection and try again.');
    return;
  }
  const index = data.formats.findIndex((f) => f.extension === extension);
  const format = data.formats[index];
  if (!format) return;
  const found = ids.filter((id) => data.records[id]);
  const text = format.head + found.map((id) => data.records[id][index]).join('');
  const file = new Blob([text.replaceAll(data.origin, origin())], { type: format.type });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(file);
  link.download = `${name}.${extension}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  const what = found.length === 1 ? '1 resource' : `${found.length} resources`;
  const missing = ids.length - found.length;
  say(
    `Downloaded ${link.download} (${format.label}, ${what}).` +
      (missing > 0 ? ` ${missing} not in this copy's records were left out.` : ''),
  );
}
