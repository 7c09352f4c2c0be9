using NnViz.Web;

namespace NnViz.Explorer;

/// <summary>
/// The explorer page: a text box, the word-impact rows per checkpoint, and the three layer spaces (NnViz.Web point
/// clouds, linked) where the typed text appears as a blue point. Self-contained (CSS and JS inlined), no network.
/// </summary>
public static class ExplorerPage
{
    public const string Blue = "#1f4fff";

    public static string Html(RunExplorer e)
    {
        string[] ids = ["space-embedding", "space-lstm", "space-hidden"];
        var players = Enumerable.Range(0, 3).Select(l => PointCloudPlayer.Html(ids[l], new PointCloudData(e.Ids, [$"epoch {e.LastEpoch}"],
            [new PointLayout("isomap", [e.Layouts[l]])], [new LabelColumn("predicted", e.PredictedLabels, ["NEG", "POS"], ["#d73027", "#1a9850"])])
        {
            Title = e.Layers[l], Alt = $"Isomap of the {e.Layers[l]} space; the typed sentence is the blue point",
            Texts = e.Texts, Group = "explorer", ShowNeighbours = true, AspectRatio = 0.9,
        }));
        string body = $$"""
<main class="explorer">

<p>Type a sentence: every checkpoint reads it word by word (green words raise P(positive), red lower it, grey change little; dotted = unknown word),
and the blue point shows where it lands in each layer space of the last checkpoint (Isomap, out-of-sample placement).</p>
<form id="ask"><textarea id="text" rows="3" cols="90" maxlength="{{RunExplorer.MaxCharacters}}" aria-label="sentence">This movie is not boring!</textarea><br>
<button type="submit" id="go">Explain</button> <span id="status" role="status"></span></form>
<div id="rows" aria-live="polite"></div>
{{ReportParts.Columns(players)}}</main>
<style>
.explorer .row{font-family:monospace;margin:4px 0;display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.explorer .w{padding:1px 4px;border-radius:3px;display:inline-block;margin:1px}
.explorer .unk{text-decoration:underline dotted}
.explorer .meta{min-width:16em;display:inline-block}
</style>
<script>
(function(){
  const ids = {{System.Text.Json.JsonSerializer.Serialize(ids)}};
  const form = document.getElementById('ask'), status = document.getElementById('status'), rows = document.getElementById('rows');
  function hexToRgba(hex, a){ const n = parseInt(hex.slice(1), 16); return `rgba(${n>>16},${(n>>8)&255},${n&255},${a})`; }
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    status.textContent = 'reading…';
    let res, body;
    try { res = await fetch('/api/explain', {method:'POST', headers:{'Content-Type':'application/json'}, body: JSON.stringify({text: document.getElementById('text').value})}); body = await res.json(); }
    catch (e) { status.textContent = 'The explorer did not answer.'; return; }
    if (!res.ok) { status.textContent = body.error || ('error ' + res.status); return; }
    status.textContent = (body.note ? body.note + ' ' : '') + `answered in ${body.milliseconds.toFixed(1)} ms`;
    rows.replaceChildren(...body.rows.map(r => {
      const div = document.createElement('div'); div.className = 'row';
      const meta = document.createElement('span'); meta.className = 'meta';
      meta.textContent = `${r.checkpoint} | ${r.predicted} | ${r.probability.toFixed(3)}`; div.append(meta);
      for (const w of r.words) {
        const s = document.createElement('span'); s.className = 'w' + (w.known ? '' : ' unk');
        s.textContent = w.text; s.title = (w.impact >= 0 ? '+' : '') + w.impact.toFixed(3);
        s.style.background = hexToRgba(w.color, w.opacity); s.dataset.color = w.color; div.append(s);
      }
      return div;
    }));
    body.points.forEach((p, i) => { const pl = window.NnViz && NnViz.players[ids[i]]; if (pl) pl.setExtraPoints([{label: 'your sentence', color: '{{Blue}}', xy: [p.x, p.y]}]); });
    document.body.dataset.answered = String(Number(document.body.dataset.answered || 0) + 1);
  });
})();
</script>
""";
        return HtmlPage.Standalone("IMDB LSTM explorer", body);
    }
}
