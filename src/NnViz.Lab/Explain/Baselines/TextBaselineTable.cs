using NnViz.Lab.Experiments;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Experiments.EmbeddingAnimator;

namespace NnViz.Lab.Explain.Baselines;

/// <summary>
/// The table printed beside a text model: the network's validation accuracy, ROC AUC and F1 for one label, and the
/// bag-of-words baseline's (<see cref="TextBaseline.BagOfWords"/>) on the same texts as the network sees them (its
/// vocabulary's tokens, out-of-vocabulary words as one token), so a reader sees what the network adds over counting words.
/// </summary>
public static class TextBaselineTable
{
    public static PageBlock For(TextTask task, float[] probabilities, int column, ulong seed, string heading)
    {
        int labels = task.LabelNames.Count;
        string label = task.LabelNames[column];
        bool[] trainY = [.. Enumerable.Range(0, task.TrainRows).Select(i => task.TrainY[i * labels + column] >= 0.5f)];
        bool[] valY = [.. task.ValCodes(column).Select(c => c == 1)];
        if (trainY.Distinct().Count() < 2 || valY.Distinct().Count() < 2)
            return new MarkdownBlock($"No bag-of-words baseline{heading}: the '{label}' label has one class only in the training or validation texts.");
        var network = TextBaseline.Of([.. Enumerable.Range(0, task.ValRows).Select(i => probabilities[i * labels + column])], valY);
        var baseline = TextBaseline.BagOfWords(Texts(task, task.TrainX, task.TrainRows), trainY, Texts(task, task.ValX, task.ValRows), valY, (int)(seed % int.MaxValue));
        IReadOnlyList<string> Row(string name, ClassifierScores s) => [name, Format.Num(s.Accuracy), Format.Num(s.RocAuc), Format.Num(s.F1)];
        return new TableBlock($"What the network adds over counting words{heading}", ["model", "accuracy", "ROC AUC", "F1"],
            [Row("this network (after the last epoch)", network), Row("bag of words + logistic regression", baseline)],
            $"Label '{label}' on the {task.ValRows} validation texts, threshold 0.5. Baseline: ML.NET's text featurizer (normalised word and " +
            $"character n-gram counts) and SDCA logistic regression (one thread, seed {seed}), trained on the same {task.TrainRows} texts as the network.");
    }

    private static string[] Texts(TextTask task, float[] ids, int rows) =>
        [.. Enumerable.Range(0, rows).Select(r => string.Join(' ', task.Vocabulary.Decode(Enumerable.Range(0, task.Steps).Select(s => (int)ids[r * task.Steps + s]))))];
}
