// The transport bar shared by every animated player: play/pause, step, scrub slider, speed, frame label.
(function () {
  'use strict';
  const NnViz = window.NnViz;
  const el = NnViz.el;

  /**
   * root: the focusable player element (receives the keyboard); labels: one label per frame;
   * framesPerSecond: rate at 1x; continuous: the slider and playback move through fractional times
   * (point clouds interpolate), otherwise time snaps to whole frames; onTime(t): called on every change.
   */
  // Icons as inline SVG: the media-control code points (U+23EE...) are missing from many system fonts.
  const ICONS = {
    play: '<path d="M4 2.5v11l9-5.5z"/>',
    pause: '<path d="M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z"/>',
    prev: '<path d="M2.5 2.5h2v11h-2zM14 2.5v11l-8.5-5.5z"/>',
    next: '<path d="M11.5 2.5h2v11h-2zM2 2.5v11l8.5-5.5z"/>',
  };
  function setIcon(button, name) {
    button.innerHTML = '<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="currentColor">' + ICONS[name] + '</svg>';
  }

  NnViz.Transport = function (root, labels, framesPerSecond, continuous, onTime) {
    const last = labels.length - 1;
    let t = 0, head = 0, playing = false, speed = 1, rafId = 0, prevNow = 0;
    const self = {};

    const playBtn = el('button', { type: 'button', class: 'nv-play', 'aria-label': 'Play', title: 'Play / pause (space)', onclick: () => self.toggle() });
    const prevBtn = el('button', { type: 'button', class: 'nv-prev', 'aria-label': 'Previous frame', title: 'Previous frame (\u2190)', onclick: () => self.step(-1) });
    const nextBtn = el('button', { type: 'button', class: 'nv-next', 'aria-label': 'Next frame', title: 'Next frame (\u2192)', onclick: () => self.step(1) });
    setIcon(playBtn, 'play'); setIcon(prevBtn, 'prev'); setIcon(nextBtn, 'next');
    const slider = el('input', { type: 'range', class: 'nv-slider', min: 0, max: last, step: continuous ? 'any' : 1, value: 0, 'aria-label': 'Frame' });
    const label = el('output', { class: 'nv-label', 'aria-live': 'off' }, [labels[0]]);
    const counter = el('span', { class: 'nv-counter' }, ['1 / ' + labels.length]);
    const speedSel = el('select', { class: 'nv-speed', 'aria-label': 'Speed', title: 'Playback speed' },
      [0.25, 0.5, 1, 2, 4].map(s => el('option', { value: s, selected: s === 1 }, [s + '\u00D7'])));
    const loopBox = el('input', { type: 'checkbox', class: 'nv-loop' });
    const bar = el('div', { class: 'nv-transport' }, [prevBtn, playBtn, nextBtn, slider, label, counter, speedSel,
      el('label', { class: 'nv-loop-label', title: 'Start again after the last frame' }, [loopBox, 'Loop'])]);

    slider.addEventListener('input', () => { const v = parseFloat(slider.value); self.pause(); self.setTime(v); });
    speedSel.addEventListener('change', () => { speed = parseFloat(speedSel.value); });
    if (last === 0) bar.hidden = true;

    root.addEventListener('keydown', e => {
      if (e.target !== root && e.target !== slider) return; // leave typing in other controls alone
      if (e.key === ' ' || e.key === 'k') self.toggle();
      else if (e.key === 'ArrowRight') self.step(1);
      else if (e.key === 'ArrowLeft') self.step(-1);
      else if (e.key === 'Home') { self.pause(); self.setTime(0); }
      else if (e.key === 'End') { self.pause(); self.setTime(last); }
      else return;
      e.preventDefault();
    });

    function tick(now) {
      if (!playing) return;
      const dt = Math.min(0.25, (now - prevNow) / 1000); // a hidden tab must not jump to the end
      prevNow = now;
      // head runs unclamped: with discrete frames the last one gets its full slot before a loop wraps.
      head += dt * speed * framesPerSecond;
      const span = continuous ? last : last + 1;
      if (loopBox.checked && head >= span) head %= span;
      else if (head >= last && (continuous || !loopBox.checked)) { head = last; playing = false; }
      self.setTime(Math.min(head, last), true);
      updateButton();
      if (playing) rafId = requestAnimationFrame(tick);
    }
    // The icon is replaced only when the state changes: redrawn on every frame, the element under the pointer was a new
    // one between a click's press and release, and a pause click while playing could be lost.
    let buttonShows = null;
    function updateButton() {
      if (buttonShows === playing) return;
      buttonShows = playing;
      setIcon(playBtn, playing ? 'pause' : 'play');
      playBtn.setAttribute('aria-label', playing ? 'Pause' : 'Play');
      root.classList.toggle('nv-playing', playing);
    }

    self.element = bar;
    self.frameCount = labels.length;
    Object.defineProperties(self, {
      time: { get: () => t },
      frame: { get: () => (continuous ? Math.round(t) : Math.floor(t + 1e-9)) },
      playing: { get: () => playing },
    });
    /** Sets the time (fractional when continuous); fromPlayback keeps it unsnapped while playing. */
    self.setTime = function (nt, fromPlayback) {
      nt = NnViz.clamp(nt, 0, last);
      t = continuous ? nt : (fromPlayback ? nt : Math.round(nt));
      const shown = continuous ? Math.round(t) : Math.floor(t + 1e-9);
      slider.value = String(continuous ? t : shown);
      label.textContent = labels[shown];
      counter.textContent = (shown + 1) + ' / ' + labels.length;
      root.dataset.frame = String(shown);
      onTime(t);
    };
    self.play = function () {
      if (playing || last === 0) return;
      if (t >= last) self.setTime(0);
      head = t;
      playing = true; prevNow = performance.now(); updateButton();
      rafId = requestAnimationFrame(tick);
    };
    self.pause = function () { playing = false; cancelAnimationFrame(rafId); updateButton(); if (!continuous) self.setTime(Math.floor(t + 1e-9)); };
    self.toggle = function () { playing ? self.pause() : self.play(); };
    self.step = function (d) { self.pause(); self.setTime(Math.round(t) + d); };
    self.setSpeed = function (s) { speed = s; speedSel.value = String(s); };
    return self;
  };
})();
