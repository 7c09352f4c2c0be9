// Flipbook: one picture per frame, by file (PNG or SVG <img>, stacked and decoded before they are needed) or inline SVG (swapped in).
(function () {
  'use strict';
  const NnViz = window.NnViz;
  const el = NnViz.el;

  NnViz.kinds.flipbook = function (root, data) {
    const frames = data.frames;
    const stage = el('div', { class: 'nv-stage' });
    const imgs = [];
    let shown = -1;

    /** The <img> of frame i, created on first need. */
    function img(i) {
      if (!imgs[i]) {
        imgs[i] = el('img', { src: frames[i].src, alt: data.alt + ', ' + frames[i].label, decoding: 'async', hidden: true });
        stage.append(imgs[i]);
      }
      return imgs[i];
    }
    // A page may hold many flipbooks of 100 frames: load a player's frames only when it comes near the screen
    // (then all of them, so playback does not flicker), not all at page load.
    function preload() { frames.forEach((f, i) => { if (f.src !== undefined) img(i); }); }
    if (window.IntersectionObserver) {
      const io = new IntersectionObserver(entries => {
        if (entries.some(e => e.isIntersecting)) { io.disconnect(); preload(); }
      }, { rootMargin: '600px 0px' });
      io.observe(root);
    } else preload();

    function show(i) {
      if (i === shown) return;
      if (shown >= 0 && imgs[shown]) imgs[shown].hidden = true;
      stage.querySelectorAll(':scope > .nv-inline').forEach(n => n.remove());
      if (frames[i].src !== undefined) img(i).hidden = false;
      else {
        const box = el('div', { class: 'nv-inline', role: 'img', 'aria-label': data.alt + ', ' + frames[i].label });
        box.innerHTML = frames[i].svg;
        stage.append(box);
      }
      shown = i;
    }
    const transport = NnViz.Transport(root, frames.map(f => f.label), data.fps, false,
      t => show(Math.floor(t + 1e-9)));
    root.append(stage, transport.element);
    transport.setTime(0);
    return { kind: 'flipbook', transport, get frame() { return shown; }, get loadedImages() { return imgs.filter(Boolean).length; } };
  };
})();
