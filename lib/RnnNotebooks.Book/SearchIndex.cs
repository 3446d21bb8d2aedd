using System.Text.Json;

namespace RnnNotebooks.Book;

/// <summary>
/// The book's search index, written once at render time as a script (<c>search-index.js</c>) that sets
/// <c>window.rnnbookSearchIndex</c> to an array of sections {chapter, page, heading, anchor, text}; pages load it with
/// <c>&lt;script src&gt;</c>, so the search in book.js works from file:// with no fetch and no network.
/// </summary>
internal static class SearchIndex
{
    /// <summary>The index's file name, beside the pages.</summary>
    public const string FileName = "search-index.js";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Writes the index of <paramref name="sections"/> into <paramref name="bookFolder"/>.</summary>
    public static void Write(IEnumerable<SearchSection> sections, string bookFolder) =>
        File.WriteAllText(Path.Combine(bookFolder, FileName), "window.rnnbookSearchIndex = " + JsonSerializer.Serialize(sections, Json) + ";\n");
}
