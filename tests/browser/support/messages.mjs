// The interface's words as the message catalogues write them (messages/<code>/), for tests that
// find controls by their names in either language and that look for one language's words on
// the other's pages.
import { readFileSync, readdirSync } from 'node:fs';

const DIR = new URL('../../../messages/', import.meta.url).pathname;

/** Every message of a language by key: a text, or an object of plural forms. */
export function messages(lang) {
  const all = {};
  for (const file of readdirSync(`${DIR}${lang}`).sort()) {
    const text = readFileSync(`${DIR}${lang}/${file}`, 'utf8');
    if (file.endsWith('.json')) Object.assign(all, JSON.parse(text).messages);
    else if (file.endsWith('.html')) all[file.slice(0, -'.html'.length)] = text;
  }
  return all;
}

/** A message's text with its `{placeholders}` filled from `args`. */
export function fill(text, args = {}) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
}

/**
 * The pieces of English's messages that a page in another language must not show: each text
 * cut at its placeholders (and an HTML message's at its tags and sentences), keeping pieces of
 * two words or more, or one long word, that the other language's same message does not use too
 * (a name both write alike, such as "Outlook" or "BibTeX", is not English on a Welsh page).
 */
export function englishPieces(other) {
  const en = messages('en');
  const theirs = messages(other);
  const pieces = new Set();
  const texts = (value) => (typeof value === 'string' ? [value] : Object.values(value));
  for (const [key, value] of Object.entries(en)) {
    const them = texts(theirs[key] ?? '').join(' ');
    for (const text of texts(value)) {
      const plain = text.includes('<') ? text.replace(/<[^>]+>/g, '\n').replace(/&[a-z]+;/g, ' ') : text;
      for (const raw of plain.split(/\{[^}]*\}|\n|(?<=[.!?])\s+/)) {
        const piece = raw.replace(/\s+/g, ' ').trim().replace(/^[\s,.;:–—()·-]+|[\s,.;:–—()·-]+$/g, '');
        const words = piece.split(' ').filter((w) => /[A-Za-z]/.test(w));
        const long = words.length >= 2 || (words.length === 1 && piece.length >= 8);
        if (long && !them.includes(piece)) pieces.add(piece);
      }
    }
  }
  return [...pieces];
}
