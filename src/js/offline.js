// Making the toolkit work offline: registers the service worker (sw.js), once the page has
// loaded, and passes on when a new version is ready: the app shows a notice (it listens for the
// update-ready event, or reads the update-ready global if it starts later) and asks to switch
// with the apply-update event. This visit keeps its version until then. Every name shared with
// the app comes from the build (`C`, from src/contract.rs).
(() => {
  const C = "__CONTRACT{events,files,globals,worker}__";
  if (!('serviceWorker' in navigator)) return;
  const scope = new URL('./', document.baseURI);
  let waiting = null;
  let switching = false;

  const announce = (worker) => {
    waiting = worker;
    window[C.globals.updateReady] = true;
    window.dispatchEvent(new Event(C.events.updateReady));
  };

  const register = () =>
    navigator.serviceWorker
      .register(new URL(C.files.worker, scope), { scope: scope.pathname })
      .then((registration) => {
        // Only a page already controlled by a worker has an older version to replace.
        if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
        registration.addEventListener('updatefound', () => {
          const worker = registration.installing;
          worker?.addEventListener('statechange', () => {
            if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
          });
        });
      })
      .catch((error) => console.warn('The toolkit will not work offline:', error));
  // After the page has fetched the app's files (the loader in app.html) and start.js has
  // checked the page's data: the worker keeps the same files, and on a first visit it would
  // otherwise download them side by side with the page.
  const later = () => (window[C.globals.appFetched]?.() ?? Promise.resolve()).then(register);
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });

  window.addEventListener(C.events.applyUpdate, () => {
    switching = true;
    waiting?.postMessage({ type: C.worker.skipWaiting });
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (switching) window.location.reload();
  });
})();
