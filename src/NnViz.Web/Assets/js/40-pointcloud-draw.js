// Point cloud geometry and drawing: interpolated positions in device pixels, points, selection, trails, letters.
(function () {
  'use strict';
  const NnViz = window.NnViz;
  const ease = a => a * a * (3 - 2 * a); // smoothstep: points ease in and out of each checkpoint

  /** Maps a layout's stored grid (0..extent) to device pixels, aspect kept, y up. */
  NnViz.pointView = function (layout, w, h, dpr) {
    const pad = 18 * dpr, W = w * dpr, H = h * dpr;
    const ex = Math.max(1, layout.extent[0]), ey = Math.max(1, layout.extent[1]);
    const s = Math.min((W - 2 * pad) / ex, (H - 2 * pad) / ey);
    const ox = (W - ex * s) / 2, oy = (H + ey * s) / 2;
    return { s, ox, oy, dpr, x: v => ox + v * s, y: v => oy - v * s };
  };

  /** Positions of all points at time t (fractional between checkpoints) into out (device px, x/y interleaved). */
  NnViz.interpolate = function (frames, t, view, out) {
    const last = frames.length - 1;
    const k0 = Math.min(last, Math.floor(t)), k1 = Math.min(last, k0 + 1);
    const a = ease(t - k0), A = frames[k0], B = frames[k1];
    const s = view.s, ox = view.ox, oy = view.oy;
    for (let i = 0; i < out.length; i += 2) {
      out[i] = ox + (A[i] + (B[i] - A[i]) * a) * s;
      out[i + 1] = oy - (A[i + 1] + (B[i + 1] - A[i + 1]) * a) * s;
    }
    return out;
  };

  /** Index of the nearest point within maxDist (device px) of (x, y), or -1. */
  NnViz.nearestPoint = function (pos, x, y, maxDist, skip) {
    let best = -1, bd = maxDist * maxDist;
    for (let i = 0, p = 0; p < pos.length; i++, p += 2) {
      if (i === skip) continue;
      const dx = pos[p] - x, dy = pos[p + 1] - y, d = dx * dx + dy * dy;
      if (d <= bd) { bd = d; best = i; }
    }
    return best;
  };

  /** The k nearest points to point i in the current view (for the tooltip's neighbour texts). */
  NnViz.kNearest = function (pos, i, k) {
    const x = pos[2 * i], y = pos[2 * i + 1], best = [];
    for (let j = 0, p = 0; p < pos.length; j++, p += 2) {
      if (j === i) continue;
      const dx = pos[p] - x, dy = pos[p + 1] - y, d = dx * dx + dy * dy;
      if (best.length < k || d < best[best.length - 1][0]) {
        best.push([d, j]); best.sort((a, b) => a[0] - b[0]); if (best.length > k) best.pop();
      }
    }
    return best.map(b => b[1]);
  };

  /**
   * Draws one frame. s: {ctx, pos, n, order, colors, col, radius (device px), stamps, selected (indices in
   * selection order), selectedSet, hover, trails, letters, frames, t, view, lasso (CSS px polygon), extra}.
   */
  NnViz.drawPointCloud = function (s) {
    const ctx = s.ctx, pos = s.pos, r = s.radius, dpr = s.view.dpr;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const anySelected = s.selected.length > 0;
    // Unselected points are dimmed while a selection exists, so the selection reads across frames.
    const img = s.stamps.buffer(ctx);
    NnViz.stampPoints(img, s.stamps, pos, 2, s.order, i => NnViz.pointColor(s.col, s.colors, i),
      anySelected ? i => s.selectedSet.has(i) : null, r, anySelected ? 0.3 : 1);
    ctx.putImageData(img, 0, 0);
    if (s.trails) drawTrails(s, anySelected ? s.selected : (s.n <= 600 ? s.order : []));
    if (anySelected) drawSelected(s, r * 1.5 + dpr);
    if (s.extra) drawExtra(s);
    if (s.hover >= 0) {
      ctx.beginPath();
      ctx.arc(pos[2 * s.hover], pos[2 * s.hover + 1], r + 4 * dpr, 0, Math.PI * 2);
      ctx.lineWidth = 2 * dpr; ctx.strokeStyle = '#1d2430'; ctx.stroke();
    }
    if (s.lasso) {
      ctx.beginPath();
      s.lasso.forEach(([x, y], k) => (k ? ctx.lineTo(x * dpr, y * dpr) : ctx.moveTo(x * dpr, y * dpr)));
      ctx.closePath();
      ctx.fillStyle = 'rgba(0,114,178,0.08)'; ctx.fill();
      ctx.setLineDash([5 * dpr, 4 * dpr]); ctx.lineWidth = 1.5 * dpr; ctx.strokeStyle = '#0072B2'; ctx.stroke(); ctx.setLineDash([]);
    }
  };

  function drawSelected(s, rr) {
    const ctx = s.ctx, pos = s.pos, dpr = s.view.dpr;
    for (const i of s.selected) {
      ctx.beginPath();
      ctx.arc(pos[2 * i], pos[2 * i + 1], rr, 0, Math.PI * 2);
      ctx.fillStyle = NnViz.pointColor(s.col, s.colors, i); ctx.fill();
      ctx.lineWidth = 1.6 * dpr; ctx.strokeStyle = '#1d2430'; ctx.stroke();
    }
    if (!s.letters || s.selected.length > 78) return;
    ctx.font = `700 ${Math.round(12 * dpr)}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle'; ctx.lineJoin = 'round';
    s.selected.forEach((i, k) => {
      const x = pos[2 * i] + rr + 3 * dpr, y = pos[2 * i + 1] - rr - 3 * dpr, text = NnViz.letter(k);
      ctx.lineWidth = 3.5 * dpr; ctx.strokeStyle = 'rgba(255,255,255,0.95)'; ctx.strokeText(text, x, y);
      ctx.fillStyle = '#1d2430'; ctx.fillText(text, x, y);
    });
  }

  function drawTrails(s, indices) {
    const ctx = s.ctx, view = s.view, frames = s.frames, upto = Math.floor(s.t);
    ctx.lineWidth = 1.2 * view.dpr; ctx.globalAlpha = 0.55;
    for (const i of indices) {
      ctx.beginPath();
      for (let k = 0; k <= upto; k++) {
        const x = view.x(frames[k][2 * i]), y = view.y(frames[k][2 * i + 1]);
        k ? ctx.lineTo(x, y) : ctx.moveTo(x, y);
      }
      ctx.lineTo(s.pos[2 * i], s.pos[2 * i + 1]);
      ctx.strokeStyle = NnViz.pointColor(s.col, s.colors, i); ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  function drawExtra(s) {
    const ctx = s.ctx, dpr = s.view.dpr;
    for (const p of s.extra) {
      const [x, y] = p.at(s.t, s.view);
      ctx.beginPath(); ctx.arc(x, y, 7 * dpr, 0, Math.PI * 2);
      ctx.fillStyle = p.color || '#0072B2'; ctx.fill(); ctx.lineWidth = 2 * dpr; ctx.strokeStyle = '#fff'; ctx.stroke();
      if (p.label) {
        ctx.font = `600 ${Math.round(12 * dpr)}px system-ui, sans-serif`; ctx.textBaseline = 'middle';
        ctx.lineWidth = 3.5 * dpr; ctx.strokeStyle = '#fff'; ctx.strokeText(p.label, x + 10 * dpr, y);
        ctx.fillStyle = '#1d2430'; ctx.fillText(p.label, x + 10 * dpr, y);
      }
    }
  }
})();
