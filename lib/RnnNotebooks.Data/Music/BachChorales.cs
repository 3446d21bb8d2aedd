namespace RnnNotebooks.Data;

/// <summary>
/// The UCI "Bach Chorales" dataset (Conklin and Witten; UCI dataset 25, CC BY 4.0): 100 soprano melodies.
/// Found through <see cref="DataFolder"/>; never part of the repository.
/// </summary>
public static class BachChorales
{
    /// <summary>The dataset, its authors, licence and source, as the notebooks print it beside results computed from it.</summary>
    public const string Credit = "UCI Bach Chorales (Conklin and Witten 1995, CC BY 4.0; archive.ics.uci.edu dataset 25)";

    /// <summary>The file, its original address and its pinned SHA-256.</summary>
    public static DataSource Source { get; } = new(
        "Bach chorales",
        "music/chorales.lisp",
        new Uri("https://archive.ics.uci.edu/ml/machine-learning-databases/chorales/chorales.lisp"),
        "35f15ed894bdfd8695079a2cde8cfadfeb843b87f31d928afdc79d6e6bd6deca");

    /// <summary>The chorales in file order, and where the file was found.</summary>
    /// <param name="folder">Where to look, or null for <see cref="DataFolder.FromEnvironment"/>.</param>
    /// <param name="cancellationToken">Cancels a download.</param>
    /// <exception cref="DataUnavailableException">The file is not there and cannot be downloaded.</exception>
    public static async Task<(IReadOnlyList<Melody> Chorales, DataFile File)> LoadAsync(DataFolder? folder = null, CancellationToken cancellationToken = default)
    {
        var file = await (folder ?? DataFolder.FromEnvironment()).GetAsync(Source, cancellationToken);
        return (ChoraleReader.Read(file.Path), file);
    }
}
