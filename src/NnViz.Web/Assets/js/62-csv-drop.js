// The drop zone: choose or drop CSV files (one per checkpoint), see them animated; errors name file and line.
(function () {
  'use strict';
  const NnViz = window.NnViz;
  const el = NnViz.el;

  NnViz.kinds.csvdrop = function (root, data) {
    const input = el('input', { type: 'file', accept: '.csv,text/csv', multiple: true, class: 'nv-file' });
    const zone = el('label', { class: 'nv-dropzone' }, [
      el('b', {}, ['Drop CSV files here']), ' or ', input,
      el('div', { class: 'nv-hint' }, ['One file per checkpoint, in name order. Rows are points: an id column ("id" or the first), ' +
        'optional "label" and "text", the rest numbers (2 are used as x, y; more are projected with one PCA over all files). ' +
        'Files stay in your browser.'])]);
    const message = el('div', { class: 'nv-error', role: 'alert', hidden: true });
    const host = el('div', { class: 'nv-dropped' });
    root.append(zone, message, host);
    let count = 0, player = null;

    async function load(fileList) {
      const files = Array.from(fileList).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      if (!files.length) return;
      try {
        const parsed = [];
        for (const f of files) parsed.push(NnViz.readRepresentationCsv(await f.text(), f.name));
        const cloud = NnViz.representationsToPointCloud(parsed, files.map(f => f.name).join(' \u2192 '));
        message.hidden = true;
        host.replaceChildren();
        player = NnViz.create('pointcloud', host, cloud, (root.id || 'csv') + '-player' + (++count));
        root.dataset.loaded = String(count);
      } catch (e) {
        message.textContent = e.message;
        message.hidden = false;
        root.dataset.error = e.message;
      }
    }
    input.addEventListener('change', () => load(input.files));
    zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('nv-over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('nv-over'));
    zone.addEventListener('drop', e => { e.preventDefault(); zone.classList.remove('nv-over'); load(e.dataTransfer.files); });
    return { kind: 'csvdrop', load, get player() { return player; }, title: data.title };
  };
})();
