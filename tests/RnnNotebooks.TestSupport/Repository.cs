using RnnNotebooks.Engine;

namespace RnnNotebooks.TestSupport;

/// <summary>The repository these tests run in.</summary>
public static class Repository
{
    /// <summary>The layout found above the test assembly.</summary>
    public static RepositoryLayout Layout { get; } = RepositoryLayout.Find(AppContext.BaseDirectory);

    /// <summary>Where tests keep files worth looking at afterwards (screenshots): artifacts/test-output.</summary>
    public static string ArtifactsFolder => Directory.CreateDirectory(Path.Combine(Layout.Root, "artifacts", "test-output")).FullName;

    /// <summary>The built course libraries notebooks reference: artifacts/lib.</summary>
    public static string CourseLibraries => Path.Combine(Layout.Root, "artifacts", "lib");

    /// <summary>The build configuration these tests were built in, as the artifacts folder names it: "debug" or "release".</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Name;

    /// <summary>rnnbook as built beside the tests, in the same configuration: artifacts/bin/RnnNotebooks.Cli/{config}/rnnbook.dll.</summary>
    public static string RnnbookDll => Path.Combine(Layout.Root, "artifacts", "bin", "RnnNotebooks.Cli", Configuration, "rnnbook.dll");

    /// <summary>The course's notebooks' file names (notebooks/*.ipynb, in course order): one theory case each, found at run time.</summary>
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in RepositoryLayout.NotebooksIn(Layout.NotebooksFolder))
        {
            data.Add(Path.GetFileName(path));
        }
        return data;
    }
}
