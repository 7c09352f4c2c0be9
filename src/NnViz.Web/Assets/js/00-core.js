// NnViz players: shared helpers. Everything is plain browser JS, no build step, no network.
(function () {
  'use strict';
  const NnViz = (window.NnViz = window.NnViz || {});

  // Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
  NnViz.okabeIto = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];
  NnViz.kinds = NnViz.kinds || {};   // kind name -> mount(element, data) returning a player
  NnViz.players = NnViz.players || {}; // element id -> player (tests and pages drive players through this)

  /** Creates an element: el('button', {class: 'x', onclick: f}, ['text', child]). */
  NnViz.el = function (tag, attrs, children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children || []) e.append(c);
    return e;
  };

  NnViz.readData = function (root) {
    const s = root.querySelector(':scope > script.nv-data');
    return s ? JSON.parse(s.textContent) : null;
  };

  NnViz.clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  NnViz.truncate = (s, n) => (s && s.length > n ? s.slice(0, n - 1) + '\u2026' : s || '');
  NnViz.fmt = function (v) {
    if (typeof v !== 'number') return String(v);
    return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3);
  };
  /** A, B, ..., Z, AA, AB, ... for the n-th selected point. */
  NnViz.letter = function (i) {
    let s = '';
    i += 1;
    while (i > 0) { const r = (i - 1) % 26; s = String.fromCharCode(65 + r) + s; i = Math.floor((i - 1) / 26); }
    return s;
  };

  // Linked views: players that share a group name share one ordered selection of point ids (and, optionally,
  // the animation time). The registry lives on the page, not in a module-level variable of a player.
  const groups = new Map();
  NnViz.group = function (name) {
    if (!groups.has(name)) {
      const members = new Set();
      const g = {
        name, members, selection: [],
        setSelection(ids, from) {
          g.selection = ids.slice();
          for (const m of members) if (m !== from) m.onGroupSelection(g.selection);
        },
        setTime(t, from) { for (const m of members) if (m !== from && m.syncFrames) m.onGroupTime(t); },
      };
      groups.set(name, g);
    }
    return groups.get(name);
  };

  NnViz.mount = function (root) {
    if (root.nnvizMounted) return NnViz.players[root.id];
    const mount = NnViz.kinds[root.dataset.nnviz];
    const data = NnViz.readData(root);
    if (!mount || !data) return null;
    root.nnvizMounted = true;
    const player = mount(root, data);
    if (root.id) NnViz.players[root.id] = player;
    root.classList.add('nv-mounted'); // tests and page checks wait for this
    return player;
  };

  /**
   * Builds a player from data made in the browser (e.g. CSV files dropped on the page): kind is 'flipbook',
   * 'pointcloud' or 'scatter3d'; data has the shape the C# side writes (PointCloudPlayer.Json).
   */
  NnViz.create = function (kind, container, data, id) {
    const fig = NnViz.el('figure', { class: 'nv-player nv-' + kind, id, tabindex: 0, 'data-nnviz': kind, 'aria-label': data.title || kind });
    if (data.title) fig.append(NnViz.el('figcaption', {}, [data.title]));
    container.append(fig);
    const player = NnViz.kinds[kind](fig, data);
    fig.nnvizMounted = true;
    fig.classList.add('nv-mounted');
    if (id) NnViz.players[id] = player;
    return player;
  };

  NnViz.mountAll = function (scope) {
    (scope || document).querySelectorAll('[data-nnviz]').forEach(NnViz.mount);
  };
})();
