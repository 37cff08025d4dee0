// Preloaded into Electronegativity: its start-up fetches updated translations over the network, and on a
// machine without internet access that request's retry crashes the scanner on Node 24 (got 11 with
// p-cancelable). The English texts ship inside the package, so the fetch is answered "offline" at once.
// Only that request is touched; every check runs as it ships.
const Module = process.getBuiltinModule('node:module');
const load = Module._load;
Module._load = function loadOffline(request, parent, ...rest) {
  if (request === 'got' && parent && /electronegativity[\\/]dist[\\/]locales/.test(parent.filename)) {
    return () => Promise.reject(new Error('offline: using the translations bundled with Electronegativity'));
  }
  return load.call(this, request, parent, ...rest);
};
