namespace RnnNotebooks.Book;

/// <summary>What a rendered book says about itself: its title, and where its notebooks live on GitHub (for Binder).</summary>
/// <param name="Title">The book's title, on the contents page and in every page's top bar.</param>
/// <param name="Repository">
/// The GitHub repository as <c>owner/name</c>, whose notebooks the Binder links open; null when it is not known, and
/// then the book has no Binder links (a link to a guessed repository would open nothing).
/// </param>
/// <param name="NotebooksFolder">The folder of the notebooks inside <paramref name="Repository"/>, e.g. <c>notebooks</c>.</param>
public sealed record BookOptions(string Title, string? Repository, string NotebooksFolder)
{
    /// <summary>The course's book: its title, no repository (so no Binder links), notebooks in <c>notebooks/</c>.</summary>
    public static BookOptions Default { get; } = new("Recurrent neural networks in C#", null, "notebooks");

    /// <summary>
    /// The mybinder.org address that builds <see cref="Repository"/> and opens <paramref name="notebookFile"/> in
    /// JupyterLab; null when the repository is not known.
    /// </summary>
    /// <param name="notebookFile">The notebook's file name, e.g. <c>02-forward-propagation.ipynb</c>.</param>
    public string? BinderUrl(string notebookFile)
    {
        if (Repository is null)
        {
            return null;
        }
        var path = string.IsNullOrEmpty(NotebooksFolder) ? notebookFile : NotebooksFolder.TrimEnd('/') + "/" + notebookFile;
        return $"https://mybinder.org/v2/gh/{Repository}/HEAD?labpath={Uri.EscapeDataString(path)}";
    }

    /// <summary>True when <paramref name="repository"/> has the shape <c>owner/name</c> (GitHub's characters only).</summary>
    public static bool IsRepository(string repository) =>
        System.Text.RegularExpressions.Regex.IsMatch(repository, "^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}$");
}
