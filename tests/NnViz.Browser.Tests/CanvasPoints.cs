using System.Text.Json;

namespace NnViz.Browser.Tests;

/// <summary>Finds where a player drew a point (viewport coordinates), so tests can hover and click it like a user.</summary>
public static class CanvasPoints
{
    public static async Task<(float X, float Y)> WhereAsync(WatchedPage p, string chart, string id)
    {
        var xy = await p.Page.EvaluateAsync<float[]>(
            @"a => { const [x, y] = NnViz.players[a.chart].screenPosition(a.id);
                     const r = document.querySelector('#' + a.chart + ' canvas').getBoundingClientRect();
                     return [r.left + x, r.top + y]; }", new { chart, id });
        return (xy[0], xy[1]);
    }

    public static async Task<string[]> SelectionAsync(WatchedPage p, string chart) =>
        await p.Page.EvaluateAsync<string[]>("c => NnViz.players[c].selection", chart);

    /// <summary>Ids of all points drawn inside the viewport rectangle [x0, x1] x [y0, y1].</summary>
    public static async Task<string[]> InsideAsync(WatchedPage p, string chart, float x0, float y0, float x1, float y1)
    {
        var json = await p.Page.EvaluateAsync<JsonElement>(
            @"a => { const pl = NnViz.players[a.chart], r = document.querySelector('#' + a.chart + ' canvas').getBoundingClientRect();
                     const data = JSON.parse(document.querySelector('#' + a.chart + ' > script.nv-data').textContent);
                     return data.ids.filter(id => { const [x, y] = pl.screenPosition(id);
                       return r.left + x > a.x0 && r.left + x < a.x1 && r.top + y > a.y0 && r.top + y < a.y1; }); }",
            new { chart, x0 = (double)x0, y0 = (double)y0, x1 = (double)x1, y1 = (double)y1 });
        return json.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    /// <summary>A shift-drag around the rectangle (the lasso), in small steps like a hand would.</summary>
    public static async Task LassoRectangleAsync(WatchedPage p, float x0, float y0, float x1, float y1)
    {
        var m = p.Page.Mouse;
        await p.Page.Keyboard.DownAsync("Shift");
        await m.MoveAsync(x0, y0);
        await m.DownAsync();
        foreach (var (x, y) in new[] { (x1, y0), (x1, y1), (x0, y1), (x0, y0) }) await m.MoveAsync(x, y, new() { Steps = 4 });
        await m.UpAsync();
        await p.Page.Keyboard.UpAsync("Shift");
    }
}
