namespace NnViz.Lab.Text;

/// <summary>The sentences seed 004 shows (figures 1 and 4-7), so the page can put our model where theirs was.</summary>
public static class WriteUpSentences
{
    /// <summary>Figures 4-6: the write-up found the same NEG 0.56 for all three ("the model ignores not").</summary>
    public static IReadOnlyList<string> Boring { get; } = ["This movie is boring!", "That film was boring!", "This movie is not boring!"];

    /// <summary>Figure 7: "authors" had a slightly negative impact.</summary>
    public const string Application = "This application is really cool and authors are great!";

    /// <summary>Figure 1: UCI Sentiment Labelled Sentences (Kotzias et al. 2015), with their true labels.</summary>
    public static IReadOnlyList<(string Text, string Label)> Uci { get; } =
    [
        ("It is very comfortable on the ear.", "POS"),
        ("By far the BEST cheesecurds we have ever had!", "POS"),
        ("All in all, I'd expected a better consumer experience from Motorola.", "NEG"),
        ("Very happy with this product.", "POS"),
        ("All in all, I'm quite satisfied with this purchase.", "POS"),
    ];
}
