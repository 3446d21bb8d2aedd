using System.Text.RegularExpressions;

namespace RnnNotebooks.Tasks.Tests;

/// <summary>Temporary folders for saved models, and model descriptions as they were written before cells could be chosen.</summary>
internal static class SavedModels
{
    /// <summary>Runs <paramref name="body"/> with a new temporary folder, deleted afterwards.</summary>
    public static void InFolder(string prefix, Action<string> body)
    {
        string folder = TestFolders.New(prefix).FullName;
        try
        {
            body(folder);
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }

    /// <summary>A model saved by <paramref name="save"/> to a temporary folder and loaded back by <paramref name="load"/> (the folder is deleted).</summary>
    public static T SavedAndLoaded<T>(string prefix, Action<string> save, Func<string, T> load)
    {
        T loaded = default!;
        InFolder(prefix, folder =>
        {
            string path = Path.Combine(folder, "model");
            save(path);
            loaded = load(path);
        });
        return loaded;
    }

    /// <summary>A model saved by <paramref name="save"/>, its description stripped of the cell (<see cref="DropCell"/>), loaded back by <paramref name="load"/>.</summary>
    public static T LoadWithoutCell<T>(Action<string> save, Func<string, T> load)
    {
        T loaded = default!;
        InFolder("old-model-", folder =>
        {
            string path = Path.Combine(folder, "old");
            save(path);
            DropCell(path + ".json");
            loaded = load(path);
        });
        return loaded;
    }

    /// <summary>Removes the RNN's "Cell" field from a saved description, as files saved before cells could be chosen lack it.</summary>
    /// <param name="json">The NAME.json file.</param>
    public static void DropCell(string json)
    {
        File.WriteAllText(json, Regex.Replace(File.ReadAllText(json), "\\s*\"Cell\": \"Rnn\",", ""));
        Assert.DoesNotContain("Cell", File.ReadAllText(json));
    }
}
