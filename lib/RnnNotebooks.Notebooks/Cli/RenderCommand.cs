using RnnNotebooks.Notebooks.Book;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Notebooks.Cli;

/// <summary>
/// <c>rnnbook render</c>: builds the HTML book from the executed notebooks (or the sources not yet run), and
/// warns, one line each on standard error, about formulas it could not draw.
/// </summary>
internal sealed class RenderCommand(IAnsiConsole console, ErrorWriter errors) : AsyncCommand<NotebookSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, NotebookSettings settings, CancellationToken cancellationToken)
    {
        var index = Render(settings.ResolveNotebooks(), settings.ResolveOutput(), errors);
        console.MarkupLine($"Book: [link]{Markup.Escape(index)}[/]");
        return Task.FromResult(0);
    }

    /// <summary>
    /// Renders the book of <paramref name="sources"/> into <paramref name="output"/>/book and writes a
    /// <c>WARNING</c> line to <paramref name="errors"/> for each formula it could not draw, naming the source
    /// notebook, the cell and the command; returns the index page.
    /// </summary>
    public static string Render(IReadOnlyList<string> sources, string output, ErrorWriter errors)
    {
        var notebooks = BookSources.Read(sources, output);
        var book = BookRenderer.Render(notebooks, Path.Combine(output, BookSources.BookFolder));
        var sourceOf = notebooks.Zip(sources).ToDictionary(pair => pair.First.Path, pair => pair.Second);
        foreach (var error in book.MathErrors)
        {
            errors.Writer.WriteLine($"WARNING {error with { NotebookPath = sourceOf.GetValueOrDefault(error.NotebookPath, error.NotebookPath) }}");
        }
        return book.Index;
    }
}
