// CSV files of representations -> point-cloud data, in the browser (the animator's "drop your CSVs" path).
// Rows = points; an id column ("id", else the first), optional "label" and "text" columns, the rest numbers.
(function () {
  'use strict';
  const NnViz = window.NnViz;

  /** RFC 4180 records with the 1-based line each starts on; errors name file and line. */
  NnViz.parseCsv = function (text, file) {
    const rows = [];
    let row = [], field = '', quoted = false, line = 1, rowLine = 1, i = 0, afterQuote = false;
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    const endField = () => { row.push(field); field = ''; afterQuote = false; };
    const endRow = () => { endField(); if (!(row.length === 1 && row[0] === '')) rows.push({ line: rowLine, cells: row }); row = []; rowLine = line; };
    for (; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"') { if (text[i + 1] === '"') { field += '"'; i++; } else { quoted = false; afterQuote = true; } }
        else { if (c === '\n') line++; field += c; }
      } else if (c === '"') {
        if (field !== '' || afterQuote) throw new Error(`${file}:${line}: a quote inside an unquoted field`);
        quoted = true;
      } else if (c === ',') endField();
      else if (c === '\n' || c === '\r') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        line++; endRow();
      } else {
        if (afterQuote) throw new Error(`${file}:${line}: text after a closing quote`);
        field += c;
      }
    }
    if (quoted) throw new Error(`${file}:${rowLine}: a quoted field is not closed`);
    if (field !== '' || row.length) endRow();
    return rows;
  };

  /** One file -> {name, ids, labels, texts, dims, values (Float64Array n x dims)}. */
  NnViz.readRepresentationCsv = function (text, file) {
    const rows = NnViz.parseCsv(text, file);
    if (rows.length < 2) throw new Error(`${file}: expected a header row and at least one data row`);
    const header = rows[0].cells.map(h => h.trim());
    const lower = header.map(h => h.toLowerCase());
    const idCol = lower.indexOf('id') >= 0 ? lower.indexOf('id') : 0;
    const labelCol = lower.indexOf('label'), textCol = lower.indexOf('text');
    const numCols = header.map((_, k) => k).filter(k => k !== idCol && k !== labelCol && k !== textCol);
    if (numCols.length < 2) throw new Error(`${file}:1: expected at least 2 number columns besides id/label/text, found ${numCols.length}`);
    const n = rows.length - 1, values = new Float64Array(n * numCols.length);
    const ids = [], labels = [], texts = [], seen = new Set();
    for (let r = 1; r < rows.length; r++) {
      const { line, cells } = rows[r];
      if (cells.length !== header.length) throw new Error(`${file}:${line}: expected ${header.length} fields, found ${cells.length}`);
      const id = cells[idCol].trim();
      if (!id) throw new Error(`${file}:${line}: the id is empty`);
      if (seen.has(id)) throw new Error(`${file}:${line}: id "${id}" appears twice`);
      seen.add(id); ids.push(id);
      labels.push(labelCol >= 0 ? cells[labelCol].trim() : '');
      texts.push(textCol >= 0 ? cells[textCol] : '');
      numCols.forEach((k, j) => {
        const s = cells[k].trim(), v = Number(s);
        if (s === '' || !Number.isFinite(v)) throw new Error(`${file}:${line}: column "${header[k]}": "${NnViz.truncate(s, 20)}" is not a number`);
        values[(r - 1) * numCols.length + j] = v;
      });
    }
    return { name: file, ids, labels, texts, dims: numCols.length, values, hasLabels: labelCol >= 0, hasTexts: textCol >= 0 };
  };

  /**
   * Several files (one per checkpoint) -> point-cloud data. Points are matched by id (order from the first file).
   * More than 2 number columns are projected on the 2 principal axes of all files together, one fit for all
   * checkpoints, so positions stay comparable across frames (the "aligned" idea of one joint fit).
   */
  NnViz.representationsToPointCloud = function (files, title) {
    if (files.length === 0) throw new Error('no files');
    const first = files[0], n = first.ids.length, dims = first.dims;
    const index = new Map(first.ids.map((id, i) => [id, i]));
    const frames = files.map(f => {
      if (f.dims !== dims) throw new Error(`${f.name}: ${f.dims} number columns, but ${first.name} has ${dims}`);
      if (f.ids.length !== n) throw new Error(`${f.name}: ${f.ids.length} rows, but ${first.name} has ${n}`);
      const out = new Float64Array(n * dims);
      f.ids.forEach((id, r) => {
        const i = index.get(id);
        if (i === undefined) throw new Error(`${f.name}: id "${id}" is not in ${first.name}`);
        out.set(f.values.subarray(r * dims, (r + 1) * dims), i * dims);
      });
      return out;
    });
    const xy = dims === 2 ? frames : NnViz.jointPca2(frames, n, dims);
    const layoutData = NnViz.quantiseLayout(xy, n);
    const labels = first.hasLabels ? first.labels : null;
    const categories = labels ? Array.from(new Set(labels)).sort() : [];
    return {
      title: title || '', n, fps: 1, aspect: 0.72, syncFrames: false, showNeighbours: first.hasTexts,
      frameLabels: files.map(f => f.name.replace(/\.csv$/i, '')), ids: first.ids,
      texts: first.hasTexts ? first.texts : undefined,
      layouts: [Object.assign({ name: dims === 2 ? 'as given' : 'joint PCA', metrics: [] }, layoutData)],
      columns: labels ? [{ name: 'label', categories, codes: labels.map(l => categories.indexOf(l)) }] : [],
    };
  };
})();
