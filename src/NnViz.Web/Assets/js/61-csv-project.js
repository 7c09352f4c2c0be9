// Numerics for the CSV path: a joint PCA to 2-D and the 0..10000 grid the player reads (as PointCloudPlayer.Json).
(function () {
  'use strict';
  const NnViz = window.NnViz;

  /** Top-2 principal axes of all frames stacked (n x dims each), by power iteration with deflation. */
  NnViz.jointPca2 = function (frames, n, dims) {
    const mean = new Float64Array(dims);
    let rows = 0;
    for (const f of frames) for (let i = 0; i < n; i++, rows++) for (let d = 0; d < dims; d++) mean[d] += f[i * dims + d];
    for (let d = 0; d < dims; d++) mean[d] /= rows;
    const cov = new Float64Array(dims * dims), row = new Float64Array(dims);
    for (const f of frames) for (let i = 0; i < n; i++) {
      for (let d = 0; d < dims; d++) row[d] = f[i * dims + d] - mean[d];
      for (let a = 0; a < dims; a++) { const ra = row[a]; if (ra === 0) continue; for (let b = a; b < dims; b++) cov[a * dims + b] += ra * row[b]; }
    }
    for (let a = 0; a < dims; a++) for (let b = 0; b < a; b++) cov[a * dims + b] = cov[b * dims + a];
    const axes = [];
    for (let k = 0; k < 2; k++) {
      let v = new Float64Array(dims).map((_, d) => 1 + d / dims); // fixed start: deterministic result
      for (let it = 0; it < 300; it++) {
        const w = new Float64Array(dims);
        for (let a = 0; a < dims; a++) { let s = 0; for (let b = 0; b < dims; b++) s += cov[a * dims + b] * v[b]; w[a] = s; }
        for (const u of axes) { let p = 0; for (let d = 0; d < dims; d++) p += w[d] * u[d]; for (let d = 0; d < dims; d++) w[d] -= p * u[d]; }
        const norm = Math.hypot(...w) || 1;
        let change = 0;
        for (let d = 0; d < dims; d++) { const x = w[d] / norm; change += Math.abs(x - v[d]); v[d] = x; }
        if (change < 1e-10) break;
      }
      // Sign convention: the largest component positive, so the picture does not flip between runs.
      let big = 0; for (let d = 1; d < dims; d++) if (Math.abs(v[d]) > Math.abs(v[big])) big = d;
      if (v[big] < 0) v = v.map(x => -x);
      axes.push(v);
    }
    return frames.map(f => {
      const out = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) for (let k = 0; k < 2; k++) {
        let s = 0; for (let d = 0; d < dims; d++) s += (f[i * dims + d] - mean[d]) * axes[k][d];
        out[2 * i + k] = s;
      }
      return out;
    });
  };

  /** Frames of x, y (any scale) -> {transform, extent, frames} on one 0..10000 grid, aspect kept. */
  NnViz.quantiseLayout = function (xy, n) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const f of xy) for (let i = 0; i < n; i++) {
      minX = Math.min(minX, f[2 * i]); maxX = Math.max(maxX, f[2 * i]);
      minY = Math.min(minY, f[2 * i + 1]); maxY = Math.max(maxY, f[2 * i + 1]);
    }
    const span = Math.max(maxX - minX, maxY - minY), s = span > 0 ? 10000 / span : 1;
    return {
      transform: [minX, minY, s],
      extent: [Math.round((maxX - minX) * s), Math.round((maxY - minY) * s)],
      frames: xy.map(f => Array.from({ length: 2 * n }, (_, j) => Math.round((f[j] - (j % 2 ? minY : minX)) * s))),
    };
  };
})();
