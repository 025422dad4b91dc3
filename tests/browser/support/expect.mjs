// A small polling assertion: the app updates asynchronously, so checks retry until they pass
// or time out, like a person waiting for the screen to change.
import assert from 'node:assert/strict';

export async function expect(read, check, { timeout = 5000, message } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    try {
      check(last);
      return last;
    } catch (e) {
      if (Date.now() > deadline) {
        throw new assert.AssertionError({ message: `${message ?? e.message} (last value: ${JSON.stringify(last)})` });
      }
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** Polls until `read()` deep-equals `expected`. */
export function eventually(read, expected, message) {
  return expect(read, (v) => assert.deepEqual(v, expected), { message });
}
