using NnViz.Lab.Experiments;
using NnViz.Lab.Runs;

namespace NnViz.Lab.Specs;

/// <summary>
/// Validates a spec under every profile, not only the one in use: an override that hides a bad base value
/// (<c>training.epochs: 0</c> overridden on quick) or a bad override of another profile is still reported, so
/// <c>nnviz validate</c> on one profile catches what would fail on another.
/// </summary>
public static class ProfileValidation
{
    /// <summary>
    /// Loads <paramref name="file"/> for <paramref name="profile"/> and checks it under each of <paramref name="others"/>.
    /// Returns the spec (null when invalid) and every error: those of the profile in use as they are, those that
    /// only another profile shows with "(profile NAME)" added.
    /// </summary>
    /// <param name="extra">overrides applied on every profile after its own (e.g. <c>--engine</c>'s training.engine), set by <paramref name="extraSource"/>.</param>
    public static (ExperimentSpec? Spec, IReadOnlyList<SpecError> Errors) Load(string file, Profile profile, IEnumerable<Profile> others,
        KindRegistry? kinds = null, IReadOnlyList<(string Path, YamlDotNet.RepresentationModel.YamlNode Value)>? extra = null, string extraSource = "")
    {
        var errors = new List<SpecError>();
        ExperimentSpec? spec = null;
        try { spec = SpecLoader.Load(file, profile, kinds, extra, extraSource); }
        catch (SpecException e) { errors.AddRange(e.Errors); }
        var seen = errors.Select(Key).ToHashSet();
        foreach (var other in others.Where(p => p.Name != profile.Name).Prepend(AsWritten))
        {
            try { SpecLoader.Load(file, other, kinds, extra, extraSource); }
            catch (SpecException e)
            {
                foreach (var err in e.Errors.Where(x => seen.Add(Key(x))))
                    errors.Add(err with { Message = $"{err.Message} (profile '{other.Name}')" });
            }
        }
        return (errors.Count == 0 ? spec : null, errors);
    }

    /// <summary>No profile at all: the spec as written, at the write-up's sizes.</summary>
    private static readonly Profile AsWritten = new() { Name = "as written", File = "" };

    /// <summary>The profiles of a configs folder, each loaded once.</summary>
    public static IReadOnlyList<Profile> All(string configsDir) =>
        [.. Profile.Available(configsDir).Select(name => Profile.Load(configsDir, name))];

    private static string Key(SpecError e) => $"{e.File}:{e.Line}:{e.Column}:{e.Path}:{e.Message}";
}
