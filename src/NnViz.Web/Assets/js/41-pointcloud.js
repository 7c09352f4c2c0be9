// Point-cloud player: state, controls, interaction and linked selection. Drawing lives in 40-pointcloud-draw.js.
(function () {
  'use strict';
  const NnViz = window.NnViz;
  const el = NnViz.el;

  NnViz.kinds.pointcloud = function (root, data) {
    const n = data.n, texts = data.texts || null, columns = data.columns || [];
    const layouts = data.layouts.map(l => Object.assign({}, l, { frames: l.frames.map(f => Float32Array.from(f)) }));
    const idIndex = new Map(data.ids.map((id, i) => [id, i]));
    const st = {
      layout: 0, column: columns.length ? 0 : -1, t: 0, hover: -1, trails: false, letters: true,
      selection: [], lasso: null, extra: null, following: false,
    };
    const pos = new Float32Array(2 * n), stamps = NnViz.Stamps();
    let colors = [], order = NnViz.drawOrder(null, n), view = null, size = null, pending = 0;
    const stats = { renders: 0, renderMs: 0 };

    // DOM: toolbar, canvas, legend, metrics, transport, selection list.
    const canvas = el('canvas', { role: 'img', 'aria-label': (data.title || 'point cloud') + ': ' + n + ' points' });
    const wrap = el('div', { class: 'nv-canvas-wrap' }, [canvas]);
    const tooltip = NnViz.Tooltip(wrap);
    const legend = el('div', { class: 'nv-legend' });
    const metrics = el('div', { class: 'nv-metrics' });
    const list = el('ol', { class: 'nv-selection' });
    const count = el('span', { class: 'nv-count nv-muted' });
    const toolbar = el('div', { class: 'nv-toolbar' });
    if (columns.length > 1) {
      const sel = el('select', { class: 'nv-colour-by', 'aria-label': 'Colour by' },
        columns.map((c, i) => el('option', { value: i }, [c.name])));
      sel.addEventListener('change', () => setColumn(parseInt(sel.value, 10)));
      toolbar.append(el('label', {}, ['Colour by ', sel]));
    }
    const layoutButtons = layouts.map((l, i) => el('button', { type: 'button', 'aria-pressed': i === 0 ? 'true' : 'false', 'data-layout': l.name, onclick: () => setLayout(i) }, [l.name]));
    if (layouts.length > 1) toolbar.append(el('span', { class: 'nv-seg nv-layouts', role: 'group', 'aria-label': 'Layout' }, layoutButtons));
    const trailsBox = el('input', { type: 'checkbox', class: 'nv-trails' });
    trailsBox.addEventListener('change', () => { st.trails = trailsBox.checked; requestRender(); });
    const lettersBox = el('input', { type: 'checkbox', class: 'nv-letters', checked: true });
    lettersBox.addEventListener('change', () => { st.letters = lettersBox.checked; requestRender(); });
    // Find: select a point by its id, or every point whose text contains the words (keyboard route to selection).
    const find = el('input', { type: 'search', class: 'nv-find', placeholder: 'Find id or text\u2026', 'aria-label': 'Find and select points' });
    find.addEventListener('keydown', e => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      const q = find.value.trim();
      if (!q) return;
      const hit = idIndex.has(q) ? [q] : data.ids.filter((id, i) => texts && texts[i].toLowerCase().includes(q.toLowerCase()));
      find.setCustomValidity(hit.length ? '' : 'no match');
      find.title = hit.length ? hit.length + ' selected' : 'no match';
      select(st.selection.concat(hit));
    });
    toolbar.append(find);
    toolbar.append(el('label', {}, [trailsBox, 'Trails']), el('label', {}, [lettersBox, 'Letters']),
      el('button', { type: 'button', class: 'nv-clear', onclick: () => select([]) }, ['Clear selection']), count);
    const hint = el('div', { class: 'nv-hint' }, ['Hover for details \u00B7 click a point to select it \u00B7 shift-drag to lasso \u00B7 Esc clears' +
      (data.frameLabels.length > 1 ? ' \u00B7 space plays, arrows step' : '')]);

    const transport = NnViz.Transport(root, data.frameLabels, data.fps, true, t => {
      st.t = t; render();
      if (group && !st.following) group.setTime(t, player);
    });
    root.append(toolbar, wrap, legend, metrics, transport.element, hint, list);

    // Selection: an ordered list of ids (order gives the letters), shared with the group.
    const group = data.group ? NnViz.group(data.group) : null;
    function selectedIndices() { return st.selection.map(id => idIndex.get(id)).filter(i => i !== undefined); }
    function select(ids, fromGroup) {
      st.selection = Array.from(new Set(ids));
      updateSelectionList(); requestRender();
      if (group && !fromGroup) group.setSelection(st.selection, player);
    }
    function toggle(i) {
      const id = data.ids[i];
      select(st.selection.includes(id) ? st.selection.filter(x => x !== id) : st.selection.concat([id]));
    }
    function updateSelectionList() {
      const idx = selectedIndices();
      count.textContent = idx.length ? idx.length + ' selected' : '';
      root.dataset.selected = String(idx.length);
      list.replaceChildren(...idx.slice(0, 30).map((i, k) => el('li', {}, [
        el('span', { class: 'nv-letter' }, [NnViz.letter(k)]), el('b', {}, [data.ids[i]]), ' ' + categoryOf(i),
        texts ? ' \u2014 ' + NnViz.truncate(texts[i], 160) : ''])));
      if (idx.length > 30) list.append(el('li', { class: 'nv-muted' }, ['\u2026 and ' + (idx.length - 30) + ' more']));
    }
    function categoryOf(i) {
      const c = columns[st.column];
      if (!c) return '';
      return '(' + c.name + ': ' + (c.codes[i] >= 0 ? c.categories[c.codes[i]] : 'unknown') + ')';
    }

    function setColumn(k) {
      st.column = k;
      const c = columns[k] || null;
      colors = c ? NnViz.columnColors(c) : [];
      order = NnViz.drawOrder(c, n);
      NnViz.fillLegend(legend, c, colors, n);
      updateSelectionList(); requestRender();
    }
    let morph = null; // switching layouts eases points from where they were, so the reader can follow them
    function setLayout(k) {
      const from = view && k !== st.layout ? Float32Array.from(pos) : null;
      st.layout = k;
      layoutButtons.forEach((b, i) => b.setAttribute('aria-pressed', i === k ? 'true' : 'false'));
      root.dataset.layout = layouts[k].name;
      metrics.replaceChildren(...layouts.flatMap((l, i) => [i ? ' \u00A0\u00B7\u00A0 ' : '', el(i === k ? 'b' : 'span', {}, [
        l.name + (l.metrics.length ? ': ' : '') +
        l.metrics.map(m => m.name + ' ' + (m.value === null ? 'n/a' : NnViz.fmt(m.value))).join(', ')])]));
      metrics.hidden = layouts.length === 1 && layouts[0].metrics.length === 0;
      morph = from ? { from, start: performance.now() } : null;
      resize();
    }

    function resize() {
      size = NnViz.fitCanvas(canvas, wrap, data.aspect);
      view = NnViz.pointView(layouts[st.layout], size.w, size.h, size.dpr);
      render();
    }
    function radius() { return (n > 5000 ? 2.2 : n > 1000 ? 3 : n > 200 ? 3.8 : 4.8) * size.dpr; }
    function render() {
      pending = 0;
      if (!view) return;
      const t0 = performance.now();
      const sel = selectedIndices();
      NnViz.interpolate(layouts[st.layout].frames, st.t, view, pos);
      if (morph) {
        const k = (performance.now() - morph.start) / 500;
        if (k >= 1 || morph.from.length !== pos.length) morph = null;
        else {
          const a = k * k * (3 - 2 * k), from = morph.from;
          for (let j = 0; j < pos.length; j++) pos[j] = from[j] + (pos[j] - from[j]) * a;
          requestRender();
        }
      }
      NnViz.drawPointCloud({
        ctx: canvas.getContext('2d'), pos, n, order, colors, col: columns[st.column] || null, radius: radius(), stamps,
        selected: sel, selectedSet: new Set(sel), hover: st.hover, trails: st.trails, letters: st.letters,
        frames: layouts[st.layout].frames, t: st.t, view, lasso: st.lasso, extra: st.extra,
      });
      stats.renders++; stats.renderMs += performance.now() - t0;
    }
    function requestRender() { if (!pending) pending = requestAnimationFrame(render); }

    function showTooltip(i, x, y) {
      const nodes = [el('b', {}, [data.ids[i]])];
      for (const c of columns.slice(0, 6)) nodes.push(el('div', {}, [c.name + ': ' + (c.codes[i] >= 0 ? c.categories[c.codes[i]] : 'unknown')]));
      if (texts) nodes.push(el('div', { class: 'nv-tt-text' }, [NnViz.truncate(texts[i], 280)]));
      if ((data.neighbours || data.showNeighbours) && texts) {
        const nb = data.neighbours ? data.neighbours[i].slice(0, 3) : NnViz.kNearest(pos, i, 3);
        const head = data.neighbours ? 'Nearest in the original space:' : 'Nearest here:';
        nodes.push(el('div', { class: 'nv-tt-nb' }, [el('div', {}, [head])].concat(
          nb.map(j => el('div', {}, ['\u2022 ' + NnViz.truncate(texts[j], 90) + ' ' + categoryOf(j)])))));
      }
      tooltip.show(x, y, nodes);
    }
    NnViz.attachPointer(canvas, {
      hover(x, y) {
        const i = view ? NnViz.nearestPoint(pos, x * size.dpr, y * size.dpr, 9 * size.dpr) : -1;
        if (i !== st.hover) { st.hover = i; requestRender(); }
        if (i >= 0) showTooltip(i, x, y); else tooltip.hide();
      },
      leave() { st.hover = -1; tooltip.hide(); requestRender(); },
      click(x, y) {
        const i = NnViz.nearestPoint(pos, x * size.dpr, y * size.dpr, 9 * size.dpr);
        if (i >= 0) toggle(i);
      },
      lassoProgress(poly) { st.lasso = poly; requestRender(); },
      lasso(poly) {
        const d = size.dpr, inside = [];
        for (let i = 0; i < n; i++) if (NnViz.insidePolygon(pos[2 * i] / d, pos[2 * i + 1] / d, poly)) inside.push(data.ids[i]);
        st.lasso = null;
        select(st.selection.concat(inside));
      },
    });
    root.addEventListener('keydown', e => { if (e.key === 'Escape') { select([]); e.preventDefault(); } });

    const player = {
      kind: 'pointcloud', transport, stats, syncFrames: !!data.syncFrames,
      get selection() { return st.selection.slice(); },
      get layout() { return layouts[st.layout].name; },
      get morphing() { return morph !== null; },
      select: ids => select(ids),
      setLayout: name => setLayout(Math.max(0, layouts.findIndex(l => l.name === name))),
      setColumn: name => setColumn(Math.max(0, columns.findIndex(c => c.name === name))),
      /** Screen position (CSS px, relative to the canvas) of a point at the current time, for tests and tours. */
      screenPosition(id) { const i = idIndex.get(id); return [pos[2 * i] / size.dpr, pos[2 * i + 1] / size.dpr]; },
      /** Adds points drawn on top (e.g. a typed sentence): [{label, color, xy: [x, y] or [[x, y] per frame]}] in raw coordinates. */
      setExtraPoints(points) { st.extra = (points || []).map(p => extraPoint(p)); requestRender(); },
      onGroupSelection(ids) { select(ids, true); },
      onGroupTime(t) { st.following = true; transport.pause(); transport.setTime(t, true); st.following = false; },
      render,
    };
    function extraPoint(p) {
      return {
        label: p.label, color: p.color,
        at(t, v) {
          const tr = layouts[st.layout].transform, per = Array.isArray(p.xy[0]);
          const k0 = Math.min(p.xy.length - 1, Math.floor(t)), k1 = Math.min(p.xy.length - 1, k0 + 1), a = t - k0;
          const P = per ? [p.xy[k0][0] + (p.xy[k1][0] - p.xy[k0][0]) * a, p.xy[k0][1] + (p.xy[k1][1] - p.xy[k0][1]) * a] : p.xy;
          return [v.x((P[0] - tr[0]) * tr[2]), v.y((P[1] - tr[1]) * tr[2])];
        },
      };
    }

    if (group) group.members.add(player);
    setColumn(Math.max(0, st.column));
    setLayout(0);
    transport.setTime(0);
    if (group && group.selection.length) select(group.selection, true);
    else if (data.marked && data.marked.length) select(data.marked);
    NnViz.onWidthChange(wrap, () => size && wrap.clientWidth !== size.w, resize);
    return player;
  };
})();
