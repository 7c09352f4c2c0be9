// Canvas helpers shared by the point cloud and the 3-D scatter: colours, legend, tooltip, pointer input.
(function () {
  'use strict';
  const NnViz = window.NnViz;
  const el = NnViz.el;
  const UNKNOWN = '#b8bcc4';

  /** One CSS colour per category of a label column (data colours, else Okabe-Ito in order). */
  NnViz.columnColors = function (col) {
    return col.categories.map((_, i) => (col.colors && col.colors[i]) || NnViz.okabeIto[i % NnViz.okabeIto.length]);
  };
  /** Colour of point i under column col (grey for unknown / no column). */
  NnViz.pointColor = function (col, colors, i) {
    if (!col) return NnViz.okabeIto[0];
    const c = col.codes[i];
    return c >= 0 ? colors[c] : UNKNOWN;
  };
  /** Draw order: points of higher code last (on top), so rare positive labels stay visible. */
  NnViz.drawOrder = function (col, n) {
    const order = Array.from({ length: n }, (_, i) => i);
    if (col) order.sort((a, b) => (col.codes[a] - col.codes[b]) || (a - b));
    return Uint32Array.from(order);
  };

  /** Sizes the canvas to its wrapper's width (height = width x aspect, capped) at the device pixel ratio. */
  NnViz.fitCanvas = function (canvas, wrap, aspect) {
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const w = Math.max(200, wrap.clientWidth);
    // Keep the chart and its controls on one screen: cap the height at 70 % of the window (points keep their aspect).
    const h = Math.round(Math.min(w * aspect, Math.max(260, window.innerHeight * 0.7)));
    canvas.style.height = h + 'px';
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    return { w, h, dpr };
  };

  /**
   * Calls resize() after the wrapper's width changed (a scrollbar appearing, a window resize). Deferred to the next
   * animation frame: resizing inside the observer callback changes the wrapper's height and makes Chromium report
   * "ResizeObserver loop completed with undelivered notifications" as a page error.
   */
  NnViz.onWidthChange = function (wrap, changed, resize) {
    if (!window.ResizeObserver) return;
    let queued = false;
    new ResizeObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; if (changed()) resize(); });
    }).observe(wrap);
  };

  /** Fills a legend element: one swatch per category with its count. */
  NnViz.fillLegend = function (legend, col, colors, n) {
    legend.replaceChildren();
    if (!col) return;
    const counts = new Array(col.categories.length).fill(0);
    let unknown = 0;
    for (let i = 0; i < n; i++) { const c = col.codes[i]; if (c >= 0) counts[c]++; else unknown++; }
    legend.append(el('b', {}, [col.name + ':']));
    col.categories.forEach((name, i) =>
      legend.append(el('span', {}, [el('i', { style: 'background:' + colors[i] }), name + ' (' + counts[i] + ')'])));
    if (unknown) legend.append(el('span', {}, [el('i', { style: 'background:' + UNKNOWN }), 'unknown (' + unknown + ')']));
  };

  /** A tooltip inside a positioned wrapper; show(x, y, nodes) places it near (x, y) in CSS px, kept inside. */
  NnViz.Tooltip = function (wrap) {
    const tip = el('div', { class: 'nv-tooltip', role: 'tooltip', hidden: true });
    wrap.append(tip);
    return {
      element: tip,
      show(x, y, nodes) {
        tip.replaceChildren(...nodes);
        tip.hidden = false;
        const W = wrap.clientWidth, H = wrap.clientHeight, tw = tip.offsetWidth, th = tip.offsetHeight;
        tip.style.left = NnViz.clamp(x + 14, 4, Math.max(4, W - tw - 4)) + 'px';
        tip.style.top = (y + 14 + th < H ? y + 14 : Math.max(4, y - th - 10)) + 'px';
      },
      hide() { tip.hidden = true; },
    };
  };

  /** Ray casting: is (x, y) inside the polygon [[x, y], ...]? */
  NnViz.insidePolygon = function (x, y, poly) {
    let inside = false;
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const [xi, yi] = poly[i], [xj, yj] = poly[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };

  /**
   * Pointer input on a canvas in CSS px: hover(x, y) / leave(), click(x, y, event) for a press without movement,
   * lasso(polygon) for a shift-drag, drag(dx, dy) for a plain drag (when given, e.g. to rotate).
   */
  NnViz.attachPointer = function (canvas, h) {
    let down = null, lasso = null, dragged = false;
    const at = e => { const r = canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
    canvas.addEventListener('pointerdown', e => {
      const p = at(e);
      down = p; dragged = false;
      lasso = e.shiftKey && h.lasso ? [p] : null;
      canvas.setPointerCapture(e.pointerId);
    });
    canvas.addEventListener('pointermove', e => {
      const p = at(e);
      if (down && lasso) { lasso.push(p); h.lassoProgress && h.lassoProgress(lasso); return; }
      if (down && (Math.abs(p[0] - down[0]) + Math.abs(p[1] - down[1]) > 3)) dragged = true;
      if (down && dragged && h.drag) { h.drag(e.movementX, e.movementY); return; }
      h.hover(p[0], p[1]);
    });
    canvas.addEventListener('pointerup', e => {
      const p = at(e);
      if (lasso) { if (lasso.length > 2) h.lasso(lasso); else h.click(p[0], p[1], e); }
      else if (down && !dragged) h.click(p[0], p[1], e);
      down = null; lasso = null;
    });
    canvas.addEventListener('pointerleave', () => { if (!down) h.leave(); });
  };
})();
