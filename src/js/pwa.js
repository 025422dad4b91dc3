// Registers the service worker that makes the toolkit work offline, and passes on when a new
// version is ready: the app shows a notice (it listens for "toolkit:update-ready") and asks to
// switch by dispatching "toolkit:apply-update". This visit keeps its version until then.
(() => {
  if (!('serviceWorker' in navigator)) return;
  const scope = new URL('./', document.baseURI);
  let waiting = null;
  let switching = false;

  const announce = (worker) => {
    waiting = worker;
    window.toolkitUpdateReady = true;
    window.dispatchEvent(new Event('toolkit:update-ready'));
  };

  navigator.serviceWorker
    .register(new URL('sw.js', scope), { scope: scope.pathname })
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

  window.addEventListener('toolkit:apply-update', () => {
    switching = true;
    waiting?.postMessage({ type: 'skip-waiting' });
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (switching) window.location.reload();
  });
})();
