// Fast point drawing for thousands of points: antialiased discs stamped straight into an ImageData buffer.
// With --disable-gpu (software canvas) 10,000 drawImage calls cost ~40 ms; stamping costs a few ms.
(function () {
  'use strict';
  const NnViz = window.NnViz;

  function parseColor(css) {
    const c = document.createElement('canvas').getContext('2d');
    c.fillStyle = css; // normalises any CSS colour to #rrggbb or rgba(...)
    const s = c.fillStyle;
    if (s[0] === '#') return [parseInt(s.slice(1, 3), 16), parseInt(s.slice(3, 5), 16), parseInt(s.slice(5, 7), 16)];
    const m = s.match(/[\d.]+/g) || [0, 0, 0];
    return [+m[0], +m[1], +m[2]];
  }

  /** A disc of radius r (device px) as pixel offsets with colour and coverage: fill, then a thin white rim. */
  function makeStamp(rgb, r, alpha) {
    const R = Math.ceil(r + 1), rim = Math.max(0.6, r / 4), inner = r - rim;
    const dx = [], dy = [], cr = [], cg = [], cb = [], ca = [];
    for (let y = -R; y <= R; y++) {
      for (let x = -R; x <= R; x++) {
        const d = Math.hypot(x, y), cover = NnViz.clamp(r + 0.5 - d, 0, 1);
        if (cover <= 0) continue;
        const white = NnViz.clamp(d - inner + 0.5, 0, 1) * 0.9;
        dx.push(x); dy.push(y);
        cr.push(rgb[0] + (255 - rgb[0]) * white); cg.push(rgb[1] + (255 - rgb[1]) * white); cb.push(rgb[2] + (255 - rgb[2]) * white);
        ca.push(cover * alpha * 0.9);
      }
    }
    return { R, dx: Int32Array.from(dx), dy: Int32Array.from(dy), r: Float32Array.from(cr), g: Float32Array.from(cg), b: Float32Array.from(cb), a: Float32Array.from(ca) };
  }

  NnViz.Stamps = function () {
    const cache = new Map(), rgbCache = new Map();
    let image = null;
    return {
      get(color, r, alpha) {
        const key = color + '|' + r + '|' + alpha;
        let s = cache.get(key);
        if (!s) {
          if (!rgbCache.has(color)) rgbCache.set(color, parseColor(color));
          s = makeStamp(rgbCache.get(color), r, alpha);
          cache.set(key, s);
        }
        return s;
      },
      /** A white, opaque buffer the size of the canvas (reused between frames). */
      buffer(ctx) {
        const W = ctx.canvas.width, H = ctx.canvas.height;
        if (!image || image.width !== W || image.height !== H) image = ctx.createImageData(W, H);
        new Uint32Array(image.data.buffer).fill(0xffffffff);
        return image;
      },
    };
  };

  /**
   * Stamps points into img: pos holds x, y (device px) at index stride*i; order is the draw order; colorOf(i) gives
   * a CSS colour; skip(i) leaves a point out (it is drawn elsewhere, e.g. selected); alpha dims all points.
   */
  NnViz.stampPoints = function (img, stamps, pos, stride, order, colorOf, skip, r, alpha) {
    const W = img.width, H = img.height, d = img.data;
    let lastColor = null, st = null;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      if (skip && skip(i)) continue;
      const c = colorOf(i);
      if (c !== lastColor) { st = stamps.get(c, r, alpha); lastColor = c; }
      const cx = Math.round(pos[stride * i]), cy = Math.round(pos[stride * i + 1]);
      if (cx + st.R < 0 || cy + st.R < 0 || cx - st.R >= W || cy - st.R >= H) continue;
      const inside = cx - st.R >= 0 && cy - st.R >= 0 && cx + st.R < W && cy + st.R < H;
      const n = st.a.length, sdx = st.dx, sdy = st.dy, sr = st.r, sg = st.g, sb = st.b, sa = st.a;
      for (let j = 0; j < n; j++) {
        const x = cx + sdx[j], y = cy + sdy[j];
        if (!inside && (x < 0 || y < 0 || x >= W || y >= H)) continue;
        const p = (y * W + x) << 2, a = sa[j];
        d[p] += (sr[j] - d[p]) * a; d[p + 1] += (sg[j] - d[p + 1]) * a; d[p + 2] += (sb[j] - d[p + 2]) * a;
      }
    }
  };
})();
