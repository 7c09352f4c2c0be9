using System.Text.Json;

namespace NnViz.Data;

/// <summary>
/// Yelp Open Dataset reviews, JSON lines (<c>yelp_academic_dataset_review.json</c>): one object per line with
/// <c>text</c> and <c>stars</c>. Label 1 (positive) for 4-5 stars and 0 for 1-3, as in seed 000.
/// </summary>
public static class YelpReviews
{
    public static TextCorpus Read(string path, int? limit = null)
    {
        TextFiles.RequireFile(path, "Yelp reviews as JSON lines");
        var texts = new List<string>();
        var labels = new List<float>();
        var ids = new List<string>();
        long lineNo = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNo++;
            if (limit is int max && texts.Count >= max) break;
            if (string.IsNullOrWhiteSpace(line)) continue;
            (string text, double stars, string? id) = ParseLine(line, path, lineNo);
            texts.Add(text);
            labels.Add(stars >= 4 ? 1f : 0f);
            ids.Add(id ?? $"{Path.GetFileName(path)}:{lineNo}");
        }
        return new TextCorpus(Path.GetFileNameWithoutExtension(path), texts.ToArray(), labels.ToArray(), ["positive"], ids.ToArray())
            .NonEmpty(path, "Expected one JSON object per line with \"text\" and \"stars\".");
    }

    /// <summary>Checks every line (as <see cref="Read"/> would) without keeping the texts: the reviews and the positive ones.</summary>
    public static (long Reviews, long Positive) Count(string path)
    {
        TextFiles.RequireFile(path, "Yelp reviews as JSON lines");
        long lineNo = 0, reviews = 0, positive = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            reviews++;
            if (ParseLine(line, path, lineNo).Stars >= 4) positive++;
        }
        if (reviews == 0) throw new DataException("no reviews found (empty file)", path, hint: "Expected one JSON object per line with \"text\" and \"stars\".");
        return (reviews, positive);
    }

    private static (string Text, double Stars, string? Id) ParseLine(string line, string path, long lineNo)
    {
        const string hint = "Each line must be one JSON object such as {\"review_id\": \"…\", \"stars\": 4, \"text\": \"…\"}.";
        JsonDocument doc;
        try { doc = JsonDocument.Parse(line); }
        catch (JsonException e)
        {
            throw new DataException($"not valid JSON ({e.Message.Split(" LineNumber")[0].TrimEnd('.', ' ')})", path, lineNo, hint);
        }
        using (doc)
        {
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new DataException("the line is not a JSON object", path, lineNo, hint);
            if (!root.TryGetProperty("text", out JsonElement t) || t.ValueKind != JsonValueKind.String)
                throw new DataException("no \"text\" string in this review", path, lineNo, hint);
            if (!root.TryGetProperty("stars", out JsonElement s) || s.ValueKind != JsonValueKind.Number || !s.TryGetDouble(out double stars))
                throw new DataException("no numeric \"stars\" in this review", path, lineNo, hint);
            if (stars is < 1 or > 5) throw new DataException($"stars = {s.GetRawText()} is outside 1..5", path, lineNo, hint);
            string? id = root.TryGetProperty("review_id", out JsonElement r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            return (t.GetString()!, stars, id);
        }
    }
}
