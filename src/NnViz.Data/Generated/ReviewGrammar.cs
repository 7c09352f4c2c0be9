namespace NnViz.Data;

/// <summary>
/// The word lists and sentence templates of a generated review corpus. In templates <c>{t}</c> is a topic word and
/// <c>{m}</c> the opinion: [not] [intensifier] adjective. Topic words and fillers are drawn independently of the
/// label, so only the opinion clauses carry it (see CORPORA.md).
/// </summary>
public sealed record ReviewGrammar(
    string Name,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Positive,
    IReadOnlyList<string> Negative,
    IReadOnlyList<string> Intensifiers,
    IReadOnlyList<string> OpinionTemplates,
    IReadOnlyList<string> FillerTemplates)
{
    public const string Negator = "not";

    /// <summary>Restaurant reviews (Yelp-like, seed 000 C2/C5): topic words food, ramen, pork, table, restaurant, service, ….</summary>
    public static ReviewGrammar Restaurant { get; } = new(
        "restaurant",
        ["food", "ramen", "pork", "table", "restaurant", "service", "broth", "soup", "waiter", "dessert"],
        ["great", "delicious", "amazing", "friendly", "tasty", "fresh", "good", "excellent"],
        ["terrible", "bland", "awful", "rude", "cold", "slow", "bad", "greasy"],
        ["very", "really", "extremely", "so"],
        ["the {t} was {m}", "{t} is {m}", "i found the {t} {m}", "honestly the {t} was {m}", "their {t} is always {m}"],
        ["we went there on a friday", "my friend ordered the {t}", "the {t} came after twenty minutes",
         "we sat near the window", "i had the {t} with rice", "they have a {t} special on weekends"]);

    /// <summary>Movie reviews (IMDB-like, seed 004 D2): movie, film, plot, …; boring, cool, great, … and "not".</summary>
    public static ReviewGrammar Movie { get; } = new(
        "movie",
        ["movie", "film", "plot", "story", "acting", "ending", "director", "soundtrack"],
        ["great", "cool", "fun", "wonderful", "brilliant", "moving", "good", "funny"],
        ["boring", "bad", "awful", "dull", "terrible", "stupid", "slow", "predictable"],
        ["very", "really", "extremely", "so"],
        ["this {t} is {m}", "the {t} was {m}", "i thought the {t} was {m}", "overall the {t} is {m}", "the {t} felt {m}"],
        ["i watched it with my friend", "the {t} lasts two hours", "i saw the {t} last week",
         "it was released in the summer", "my sister picked the {t}", "we rented it on friday"]);
}
