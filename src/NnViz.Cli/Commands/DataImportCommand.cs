using System.CommandLine;
using NnViz.Data;

namespace NnViz.Cli.Commands;

/// <summary>`nnviz data import PATH`: verify a file the user already has and install it under its published name.</summary>
internal static class DataImportCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "the file: yelp_academic_dataset_review.json, Jigsaw's train.csv / test.csv / test_labels.csv, or an official archive" };
        var folder = DataCommand.FolderOption();
        var import = new Command("import",
            "Checks a file you already have (Yelp's review JSON, which may not be redistributed; Jigsaw's CSVs from Kaggle;\n" +
            "or an official archive, by its SHA-256) by reading it through, then copies it into the data folder under its\n" +
            "published name. A malformed line is reported with file:line and nothing is installed.\n" +
            "Example: nnviz data import ~/Downloads/yelp_academic_dataset_review.json") { path, folder };
        import.SetAction(r =>
        {
            string data = DataCatalog.ResolveFolder(r.GetValue(folder)).Path;
            return DataCommand.Run(() =>
            {
                ImportResult i = DataImport.Install(r.GetValue(path)!, data);
                string id = DataSetCatalog.Info(i.Set).Id;
                Console.WriteLine(i.AlreadyPresent ? $"{id}: {i.Path} is already installed ({i.Checked})" : $"{id}: installed {i.Path} ({i.Checked})");
            });
        });
        return import;
    }
}
