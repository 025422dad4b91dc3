// The search benchmark's in-page timing probe, the same for the app and the peers page.
// Installed with Playwright's addInitScript, so it runs in every page before the page's own
// scripts. Times are performance.now() values: milliseconds since the navigation started.
//
// "Painted" means: the first frame after a DOM change has been drawn, taken as a
// requestAnimationFrame callback (which runs just before that frame's style, layout and paint)
// followed by a MessageChannel message (delivered once that frame's rendering work is done).
(() => {
  if (window.__bench) return;
  const FILTERED = /^(\d+ of \d+ resources match(es)?( some of your words)?|No resources match)$/;

  function afterNextPaint(callback) {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(null);
    });
  }

  /** Outside the static page the app replaces (#boot): what the app itself rendered. */
  const live = (el) => el && !el.closest('#boot');

  // (a) Start-up: until the result count of a search is shown (or an error page).
  let settle;
  const startup = new Promise((resolve) => (settle = resolve));
  const watch = new MutationObserver(() => {
    const error = document.getElementById('error-heading');
    if (live(error)) {
      watch.disconnect();
      const main = error.closest('section, main') ?? error;
      settle({ error: main.innerText.trim().replace(/\s+/g, ' ').slice(0, 2000) });
      return;
    }
    const count = document.getElementById('result-count');
    if (live(count) && FILTERED.test(count.textContent.trim())) {
      watch.disconnect();
      const text = count.textContent.trim();
      afterNextPaint((shown) => settle({ shown, count: text }));
    }
  });
  watch.observe(document, { childList: true, subtree: true, characterData: true });

  // (b) Keystrokes: from the keydown event's time stamp to the first frame painted after the
  // page's last change in response (or, if nothing changed, after the input event's handlers).
  let run = null;
  let changes = null;
  addEventListener(
    'keydown',
    (event) => {
      if (!run || run.t0 !== null) return;
      const now = performance.now();
      // event.timeStamp is on the same clock; fall back to now if it is not plausible.
      run.t0 = event.timeStamp > 0 && event.timeStamp <= now && now - event.timeStamp < 1000 ? event.timeStamp : now;
    },
    true,
  );
  // Bubbling on window: after the page's own handlers (direct or delegated) have run.
  addEventListener('input', () => {
    const current = run;
    if (!current || current.t0 === null || current.input !== null) return;
    current.input = performance.now();
    afterNextPaint((t) => (current.inputPaint = t));
  });

  window.__bench = {
    /** Resolves with { shown, count } or { error }. */
    startup,
    /** Starts measuring the next keystroke. */
    arm() {
      watch.disconnect(); // start-up is over
      run = { t0: null, input: null, inputPaint: null, mutations: 0, lastMutation: null, lastMutationPaint: null };
      if (!changes) {
        changes = new MutationObserver(() => {
          const current = run;
          if (!current || current.t0 === null) return;
          current.mutations += 1;
          current.lastMutation = performance.now();
          afterNextPaint((t) => (current.lastMutationPaint = Math.max(current.lastMutationPaint ?? 0, t)));
        });
        changes.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      }
    },
    /** Resolves once the armed keystroke's effects have been painted and 3 frames passed quietly. */
    settled(timeout = 10_000) {
      const current = run;
      const started = performance.now();
      return new Promise((resolve) => {
        let quiet = 0;
        let seen = -1;
        const tick = () => {
          if (performance.now() - started > timeout) {
            resolve({ ...current, timedOut: true });
            return;
          }
          const painted = current.inputPaint !== null && (current.mutations === 0 || current.lastMutationPaint !== null);
          quiet = painted && current.mutations === seen ? quiet + 1 : 0;
          seen = current.mutations;
          if (quiet >= 3) {
            const end = current.mutations ? current.lastMutationPaint : current.inputPaint;
            resolve({ ...current, end, latency: end - current.t0 });
            return;
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
  };
})();
