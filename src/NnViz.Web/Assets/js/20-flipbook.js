// Flipbook: one SVG per frame, by file (<img>, all stacked and decoded once) or inline (swapped in).
(function () {
  'use strict';
  const NnViz = window.NnViz;
  const el = NnViz.el;

  NnViz.kinds.flipbook = function (root, data) {
    const frames = data.frames;
    const stage = el('div', { class: 'nv-stage' });
    const imgs = [];
    let shown = -1;
    for (let i = 0; i < frames.length; i++) {
      if (frames[i].src === undefined) continue;
      const img = el('img', { src: frames[i].src, alt: data.alt + ', ' + frames[i].label, decoding: 'async', hidden: i !== 0 });
      imgs[i] = img;
      stage.append(img);
    }
    function show(i) {
      if (i === shown) return;
      if (frames[i].src !== undefined) {
        if (shown >= 0 && imgs[shown]) imgs[shown].hidden = true;
        if (shown >= 0 && !imgs[shown]) stage.querySelectorAll(':scope > .nv-inline').forEach(n => n.remove());
        imgs[i].hidden = false;
      } else {
        if (shown >= 0 && imgs[shown]) imgs[shown].hidden = true;
        stage.querySelectorAll(':scope > .nv-inline').forEach(n => n.remove());
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
    return { kind: 'flipbook', transport, get frame() { return shown; } };
  };
})();
