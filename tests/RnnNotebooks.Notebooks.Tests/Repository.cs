namespace RnnNotebooks.Notebooks.Tests;

/// <summary>The repository these tests run in.</summary>
internal static class Repository
{
    /// <summary>The layout found above the test assembly.</summary>
    public static RepositoryLayout Layout { get; } = RepositoryLayout.Find(AppContext.BaseDirectory);

    /// <summary>Where tests keep files worth looking at afterwards (screenshots): artifacts/test-output.</summary>
    public static string ArtifactsFolder => Directory.CreateDirectory(Path.Combine(Layout.Root, "artifacts", "test-output")).FullName;
}
