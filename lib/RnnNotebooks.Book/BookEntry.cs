using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Book;

/// <summary>One notebook's place in the book: its number as in the lecture note, title and page file.</summary>
/// <param name="Notebook">The (executed) notebook.</param>
internal sealed record BookEntry(Notebook Notebook)
{
    /// <summary>The page's file name, e.g. <c>02-forward-propagation.html</c>.</summary>
    public string PageFile => Notebook.Name + ".html";

    /// <summary>The notebook's title: its first markdown heading.</summary>
    public string Title => Notebook.Title;

    /// <summary>The label in the contents: the file's two-digit number (01..08), "Set-up" for 00.</summary>
    public string Label
    {
        get
        {
            var digits = new string(Notebook.Name.TakeWhile(char.IsAsciiDigit).ToArray());
            return digits switch
            {
                "" => "",
                _ when int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) == 0 => "Set-up",
                _ => digits,
            };
        }
    }
}
