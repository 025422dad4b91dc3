// The example webhook receiver (scripts/receiver.mjs) for a test file: each one started quiet,
// and all of them closed when the file's tests end.
import { after } from 'node:test';
import { receive } from '../../../scripts/receiver.mjs';

/** Registers the closing; gives the function that starts a receiver with `options`. */
export function useReceivers() {
  const started = [];
  after(() => Promise.all(started.map((r) => r.close())));
  return async (options = {}) => {
    const r = await receive({ quiet: true, ...options });
    started.push(r);
    return r;
  };
}
