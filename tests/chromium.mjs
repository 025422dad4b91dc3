// Debian's Chromium, as every browser run of the tests starts it (the browser tests, the search
// benchmark, Lighthouse): headless, and with nothing that would try to reach the network.
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
