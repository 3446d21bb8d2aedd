using RnnNotebooks.Book.Tex;

namespace RnnNotebooks.Book;

/// <summary>A formula in a notebook that the book could not draw: where it is, its TeX, and why.</summary>
/// <param name="NotebookPath">The notebook's path.</param>
/// <param name="CellNumber">The cell's 1-based position among all cells.</param>
/// <param name="Tex">The formula's TeX, without its delimiters.</param>
/// <param name="Error">Why it could not be converted, naming the command at fault.</param>
public sealed record MathError(string NotebookPath, int CellNumber, string Tex, TexError Error)
{
    /// <summary>One line: <c>path: cell N: unknown command \foo (at character 5) in $a + \foo$</c>.</summary>
    public override string ToString() =>
        $"{NotebookPath}: cell {CellNumber}: {Error} in ${string.Join(" ", Tex.Split('\n', StringSplitOptions.TrimEntries))}$";
}
