namespace NnViz.Data;

/// <summary>What <c>nnviz data import</c> did: the set, where the file now is, what was checked, and whether it was already there.</summary>
public sealed record ImportResult(KnownDataSet Set, string Path, string Checked, bool AlreadyPresent);

/// <summary>
/// <c>nnviz data import PATH</c>: recognises a file the user already has (an official archive by its SHA-256, Yelp's
/// review JSON, Jigsaw's train.csv / test.csv / test_labels.csv or CSVs with their columns), reads it through
/// with its reader (a malformed line is an error naming it), and copies it into the data folder under its
/// published name (via NAME.partial, so nothing half-copied is ever found).
/// </summary>
public static class DataImport
{
    public static ImportResult Install(string source, string dataFolder)
    {
        TextFiles.RequireFile(source, "a data file to import");
        var file = new FileInfo(source);
        string sha = DataIdentities.Sha256(file.FullName);
        foreach (FetchPlan plan in DataDownloads.All)
            if (plan.Files.FirstOrDefault(d => d.Sha256 == sha) is Download d)
                return Copy(plan.Set, file, Path.Combine(dataFolder, plan.Folder, d.FileName), $"sha256 {sha} = the published {d.FileName}");
        if (IsYelp(file))
        {
            (long reviews, long positive) = YelpReviews.Count(file.FullName);
            return Copy(KnownDataSet.YelpReviews, file, Path.Combine(dataFolder, "yelp", "yelp_academic_dataset_review.json"),
                $"{reviews:N0} reviews read ({positive:N0} with 4-5 stars: positive; {reviews - positive:N0} with 1-3: negative)");
        }
        string[] header = DataFinders.Header(file);
        string jigsaw = Path.Combine(dataFolder, "jigsaw");
        if (header.Contains("comment_text") && Jigsaw.LabelNames.All(header.Contains))
        {
            TextCorpus c = Jigsaw.Read(file.FullName);
            return Copy(KnownDataSet.Jigsaw, file, Path.Combine(jigsaw, file.Name), $"{c.Count:N0} labelled comments read ({c.Positives():N0} toxic)");
        }
        if (header.Contains("id") && header.Contains("comment_text"))
            return Copy(KnownDataSet.Jigsaw, file, Path.Combine(jigsaw, "test.csv"), $"{Csv.ReadFile(file.FullName).Count - 1:N0} unlabelled test comments read; put test_labels.csv beside it");
        if (header.Contains("id") && Jigsaw.LabelNames.All(header.Contains) && !header.Contains("comment_text"))
            return Copy(KnownDataSet.Jigsaw, file, Path.Combine(jigsaw, "test_labels.csv"), $"{Csv.ReadFile(file.FullName).Count - 1:N0} test label rows read");
        throw new DataException("not a data file NnVizRepro recognises", file.FullName,
            hint: "import takes Yelp's yelp_academic_dataset_review.json, Jigsaw's train.csv / test.csv / test_labels.csv (or CSVs with their columns), " +
                  "or an official archive (aclImdb_v1.tar.gz, the MNIST .gz files, glove.6B.zip, the UCI zip). Other sets: put them anywhere under the data folder.");
    }

    private static bool IsYelp(FileInfo f)
    {
        if (f.Name.Equals("yelp_academic_dataset_review.json", StringComparison.OrdinalIgnoreCase)) return true;
        string first = DataScan.FirstLine(f);
        return first.StartsWith('{') && first.Contains("\"stars\"", StringComparison.Ordinal) && first.Contains("\"text\"", StringComparison.Ordinal);
    }

    private static ImportResult Copy(KnownDataSet set, FileInfo source, string target, string check)
    {
        if (Path.GetFullPath(target) == source.FullName) return new ImportResult(set, target, check, AlreadyPresent: true);
        if (File.Exists(target))
        {
            if (DataIdentities.Sha256(target) == DataIdentities.Sha256(source.FullName)) return new ImportResult(set, target, check, AlreadyPresent: true);
            throw new DataException("a different file is already installed here", target, hint: "Move or delete it, then import again.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string partial = target + ".partial";
        try
        {
            File.Copy(source.FullName, partial, overwrite: true);
            File.Move(partial, target);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
        return new ImportResult(set, target, check, AlreadyPresent: false);
    }
}
