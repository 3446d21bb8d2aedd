using System.Text;

namespace RnnNotebooks.Book;

/// <summary>Collects one chapter's sections for the search index, in page order: text goes to the section opened last.</summary>
internal sealed class SearchSections(BookEntry entry)
{
    private readonly List<SearchSection> sections = [];
    private string heading = entry.TitleText, anchor = "";
    private readonly StringBuilder text = new();

    /// <summary>Adds <paramref name="words"/> (plain text) to the current section.</summary>
    public void Add(string words)
    {
        if (!string.IsNullOrWhiteSpace(words))
        {
            text.Append(text.Length > 0 ? " " : "").Append(words.Trim());
        }
    }

    /// <summary>Closes the current section and opens the one under <paramref name="next"/>.</summary>
    public void Start(Heading next)
    {
        Close();
        (heading, anchor) = (next.Text, next.Id);
    }

    /// <summary>Every section, the last one closed.</summary>
    public IReadOnlyList<SearchSection> Finish()
    {
        Close();
        return sections;
    }

    private void Close()
    {
        if (text.Length > 0 || anchor.Length > 0)
        {
            sections.Add(new SearchSection(entry.TitleText, entry.PageFile, heading, anchor, text.ToString()));
        }
        text.Clear();
    }
}
