using System.Reflection;

namespace RnnNotebooks.Book;

/// <summary>
/// The files written once into <c>assets/</c> next to the book's pages, so it works from file:// offline:
/// plotly.js (taken from the Plotly.NET assembly, which embeds it), the book's own stylesheet and script, and the
/// code highlighter's colours. Equations need no asset: they are MathML, which browsers draw themselves.
/// </summary>
internal static class BookAssets
{
    /// <summary>The assets folder, relative to the pages.</summary>
    public const string Folder = "assets";

    /// <summary>The files the pages link, in the order they are loaded.</summary>
    public static readonly string[] Scripts = ["plotly.min.js", "book.js"];

    /// <summary>The stylesheets the pages link: the book's own, and the code highlighter's colours.</summary>
    public static readonly string[] Stylesheets = ["book.css", "highlight.css"];

    /// <summary>Writes every asset into <paramref name="bookFolder"/>/assets.</summary>
    public static void WriteTo(string bookFolder)
    {
        var folder = Directory.CreateDirectory(Path.Combine(bookFolder, Folder)).FullName;
        File.WriteAllText(Path.Combine(folder, "plotly.min.js"), RnnNotebooks.Scripts.PlotlyJs.Source); // from Plotly.NET's assembly
        var own = typeof(BookAssets).Assembly;
        foreach (var name in new[] { "book.js", "book.css" })
        {
            Copy((own, name), Path.Combine(folder, name));
        }
        File.WriteAllText(Path.Combine(folder, "highlight.css"), CodeHighlighter.Css());
    }

    private static void Copy((Assembly Assembly, string Name) resource, string path)
    {
        using var source = resource.Assembly.GetManifestResourceStream(resource.Name)
            ?? throw new InvalidOperationException($"{resource.Assembly.GetName().Name} has no resource {resource.Name}.");
        using var target = File.Create(path);
        source.CopyTo(target);
    }
}
