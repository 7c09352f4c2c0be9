// Mount every player once the document is parsed (the script may be inlined in <head> or deferred).
(function () {
  'use strict';
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => window.NnViz.mountAll(document));
  else window.NnViz.mountAll(document);
})();
