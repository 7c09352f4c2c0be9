namespace NnViz.Data;

/// <summary>
/// The word lists of the generated toxic-comment corpus. Group names are fictional so that the identity_hate
/// label can be learned without generating hate against real groups; clean comments mention the same groups
/// neutrally, so a group name alone must not predict identity_hate.
/// </summary>
public static class ToxicLexicon
{
    public static IReadOnlyList<string> Obscene { get; } = ["crap", "damn", "shit", "bullshit", "arse", "bloody"];
    public static IReadOnlyList<string> Insults { get; } = ["idiot", "moron", "loser", "clown", "imbecile", "fool"];
    public static IReadOnlyList<string> ToxicOnly { get; } = ["stupid", "pathetic", "garbage", "dumb", "useless", "shut up"];
    public static IReadOnlyList<string> Threats { get; } =
        ["i will hurt you", "i will find you", "watch your back", "you will regret this", "i am coming for you"];
    public static IReadOnlyList<string> Groups { get; } = ["martians", "goblins", "orcs", "elves"];
    public static IReadOnlyList<string> HateTemplates { get; } = ["all {g} are vermin", "{g} should be banned from here", "i hate {g}"];

    public static IReadOnlyList<string> CleanSentences { get; } =
    [
        "thanks for fixing the citation", "i reverted the edit because it had no source",
        "please discuss this on the talk page", "the {g} article needs better sources",
        "i added a reference to the history section", "this section could be shorter",
        "see the guidelines on neutral point of view", "the {g} in the novel live in the mountains",
        "can you check the dates in the infobox", "i moved the paragraph to the end",
    ];

    /// <summary>Severe toxicity: at least this many obscene or insult words in one comment.</summary>
    public const int SevereCount = 3;
}
