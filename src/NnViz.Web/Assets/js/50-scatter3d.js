// 3-D scatter: orthographic-with-slight-perspective projection, painter's order, drag to rotate.
(function () {
  'use strict';
  const NnViz = window.NnViz;
  const el = NnViz.el;

  NnViz.kinds.scatter3d = function (root, data) {
    const n = data.n, xyz = Float32Array.from(data.xyz), columns = data.columns || [], texts = data.texts || null;
    const idIndex = new Map(data.ids.map((id, i) => [id, i]));
    let yaw = 0.6, pitch = 0.35, column = 0, hover = -1, spinning = false, raf = 0, size = null, selection = [];
    const proj = new Float32Array(3 * n), stamps = NnViz.Stamps();
    let colors = [], order = new Uint32Array(n);
    const stats = { renders: 0 };

    const canvas = el('canvas', { role: 'img', 'aria-label': (data.title || '3-D scatter') + ': ' + n + ' points, drag to rotate' });
    const wrap = el('div', { class: 'nv-canvas-wrap' }, [canvas]);
    const tooltip = NnViz.Tooltip(wrap);
    const legend = el('div', { class: 'nv-legend' });
    const toolbar = el('div', { class: 'nv-toolbar' });
    if (columns.length > 1) {
      const sel = el('select', { class: 'nv-colour-by', 'aria-label': 'Colour by' }, columns.map((c, i) => el('option', { value: i }, [c.name])));
      sel.addEventListener('change', () => setColumn(parseInt(sel.value, 10)));
      toolbar.append(el('label', {}, ['Colour by ', sel]));
    }
    const spinBtn = el('button', { type: 'button', class: 'nv-spin', 'aria-pressed': 'false', onclick: () => setSpin(!spinning) }, ['Auto-rotate']);
    toolbar.append(spinBtn, el('button', { type: 'button', class: 'nv-clear', onclick: () => select([]) }, ['Clear selection']));
    root.append(toolbar, wrap, legend, el('div', { class: 'nv-hint' }, ['Drag to rotate \u00B7 hover for details \u00B7 click to select \u00B7 arrow keys rotate']));

    const group = data.group ? NnViz.group(data.group) : null;
    function select(ids, fromGroup) {
      selection = Array.from(new Set(ids)); root.dataset.selected = String(selection.filter(id => idIndex.has(id)).length); render();
      if (group && !fromGroup) group.setSelection(selection, player);
    }
    function setColumn(k) {
      column = k; const c = columns[k] || null;
      colors = c ? NnViz.columnColors(c) : [];
      NnViz.fillLegend(legend, c, colors, n); render();
    }
    function setSpin(on) {
      spinning = on; spinBtn.setAttribute('aria-pressed', on ? 'true' : 'false');
      let prev = performance.now();
      const step = now => { if (!spinning) return; yaw += (now - prev) / 1000 * 0.5; prev = now; render(); raf = requestAnimationFrame(step); };
      cancelAnimationFrame(raf); if (on) raf = requestAnimationFrame(step);
    }
    function project() {
      const cy = Math.cos(yaw), sy = Math.sin(yaw), cp = Math.cos(pitch), sp = Math.sin(pitch);
      const d = size.dpr, W = size.w * d, H = size.h * d, s = Math.min(W, H) / 2 / 1000 * 0.78;
      for (let i = 0; i < n; i++) {
        const x = xyz[3 * i], y = xyz[3 * i + 1], z = xyz[3 * i + 2];
        const x1 = cy * x + sy * z, z1 = -sy * x + cy * z;
        const y2 = cp * y - sp * z1, z2 = sp * y + cp * z1;
        const f = 1 / (1 - z2 / 6000); // mild perspective: near points a little larger and further out
        proj[3 * i] = W / 2 + x1 * s * f; proj[3 * i + 1] = H / 2 - y2 * s * f; proj[3 * i + 2] = z2;
      }
      for (let i = 0; i < n; i++) order[i] = i;
      order.sort((a, b) => proj[3 * a + 2] - proj[3 * b + 2]); // far to near
      return { cy, sy, cp, sp, s, W, H };
    }
    function axisEnd(p, v) {
      const x1 = p.cy * v[0] + p.sy * v[2], z1 = -p.sy * v[0] + p.cy * v[2];
      return [p.W / 2 + x1 * p.s, p.H / 2 - (p.cp * v[1] - p.sp * z1) * p.s];
    }
    function render() {
      if (!size) return;
      const ctx = canvas.getContext('2d'), d = size.dpr, p = project(), col = columns[column] || null;
      const r = (n > 5000 ? 2.2 : n > 1000 ? 3 : 4) * d, selSet = new Set(selection.map(id => idIndex.get(id)));
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      const img = stamps.buffer(ctx);
      NnViz.stampPoints(img, stamps, proj, 3, order, i => NnViz.pointColor(col, colors, i), selSet.size ? i => selSet.has(i) : null, r, selSet.size ? 0.3 : 1);
      ctx.putImageData(img, 0, 0);
      ctx.lineWidth = d; ctx.strokeStyle = '#c9ccd3'; ctx.fillStyle = '#5b6473';
      ctx.font = `${Math.round(12 * d)}px system-ui, sans-serif`;
      [[1, 0, 0], [0, 1, 0], [0, 0, 1]].forEach((v, k) => {
        const a = axisEnd(p, v.map(c => -c * 1000)), b = axisEnd(p, v.map(c => c * 1000));
        ctx.beginPath(); ctx.moveTo(a[0], a[1]); ctx.lineTo(b[0], b[1]); ctx.stroke();
        ctx.fillText(data.axes[k], b[0] + 4 * d, b[1]);
      });
      for (const i of selSet) {
        if (i === undefined) continue;
        ctx.beginPath(); ctx.arc(proj[3 * i], proj[3 * i + 1], r * 1.5 + d, 0, Math.PI * 2);
        ctx.fillStyle = NnViz.pointColor(col, colors, i); ctx.fill(); ctx.lineWidth = 1.6 * d; ctx.strokeStyle = '#1d2430'; ctx.stroke();
      }
      if (hover >= 0) {
        ctx.beginPath(); ctx.arc(proj[3 * hover], proj[3 * hover + 1], r + 4 * d, 0, Math.PI * 2);
        ctx.lineWidth = 2 * d; ctx.strokeStyle = '#1d2430'; ctx.stroke();
      }
      stats.renders++;
    }
    function hit(x, y) {
      // Nearest to the viewer among points under the cursor.
      const d = size.dpr, R = 9 * d;
      let best = -1;
      for (const i of order) {
        const dx = proj[3 * i] - x * d, dy = proj[3 * i + 1] - y * d;
        if (dx * dx + dy * dy <= R * R) best = i;
      }
      return best;
    }
    NnViz.attachPointer(canvas, {
      hover(x, y) {
        hover = hit(x, y); render();
        if (hover < 0) { tooltip.hide(); return; }
        const nodes = [el('b', {}, [data.ids[hover]])];
        for (const c of columns.slice(0, 6)) nodes.push(el('div', {}, [c.name + ': ' + (c.codes[hover] >= 0 ? c.categories[c.codes[hover]] : 'unknown')]));
        if (texts) nodes.push(el('div', { class: 'nv-tt-text' }, [NnViz.truncate(texts[hover], 280)]));
        tooltip.show(x, y, nodes);
      },
      leave() { hover = -1; tooltip.hide(); render(); },
      click(x, y) {
        const i = hit(x, y); if (i < 0) return;
        const id = data.ids[i];
        select(selection.includes(id) ? selection.filter(s => s !== id) : selection.concat([id]));
      },
      drag(dx, dy) { yaw += dx * 0.01; pitch = NnViz.clamp(pitch + dy * 0.01, -1.5, 1.5); tooltip.hide(); render(); },
    });
    root.addEventListener('keydown', e => {
      if (e.target !== root) return;
      const k = { ArrowLeft: [-0.1, 0], ArrowRight: [0.1, 0], ArrowUp: [0, -0.1], ArrowDown: [0, 0.1] }[e.key];
      if (k) { yaw += k[0]; pitch = NnViz.clamp(pitch + k[1], -1.5, 1.5); render(); e.preventDefault(); }
      else if (e.key === ' ') { setSpin(!spinning); e.preventDefault(); }
      else if (e.key === 'Escape') select([]);
    });
    function resize() { size = NnViz.fitCanvas(canvas, wrap, data.aspect); render(); }

    const player = {
      kind: 'scatter3d', stats,
      get rotation() { return [yaw, pitch]; },
      get selection() { return selection.slice(); },
      select: ids => select(ids),
      screenPosition(id) { const i = idIndex.get(id); return [proj[3 * i] / size.dpr, proj[3 * i + 1] / size.dpr]; },
      onGroupSelection(ids) { select(ids, true); },
      onGroupTime() {},
    };
    if (group) { group.members.add(player); if (group.selection.length) selection = group.selection.slice(); }
    setColumn(0);
    resize();
    NnViz.onWidthChange(wrap, () => size && wrap.clientWidth !== size.w, resize);
    return player;
  };
})();
