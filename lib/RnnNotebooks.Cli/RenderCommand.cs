using RnnNotebooks.Book;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>
/// <c>rnnbook render</c>: builds the HTML book from the executed notebooks of the output folder (and the course's notebooks not run yet: <see cref="BookSources"/>), and
/// warns, one line each on standard error, about formulas it could not draw.
/// </summary>
internal sealed class RenderCommand(IAnsiConsole console, ErrorWriter errors) : AsyncCommand<NotebookSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, NotebookSettings settings, CancellationToken cancellationToken)
    {
        var sources = BookSources.For(settings.ResolveOutput());
        var index = Render(sources, sources.Chapters(settings.ResolveNotebooks()), settings.ResolveBookOptions(), errors);
        console.MarkupLine($"Book: [link]{Markup.Escape(index)}[/]");
        return Task.FromResult(0);
    }

    /// <summary>
    /// Renders <paramref name="chapters"/> as the book in the output folder's <c>book/</c> and writes a <c>WARNING</c>
    /// line to <paramref name="errors"/> for each formula it could not draw, naming the notebook (its source where
    /// <paramref name="sourceOf"/> knows it), the cell and the command; returns the index page. <paramref name="options"/>
    /// names the repository the pages' Binder links open.
    /// </summary>
    public static string Render(BookSources sources, IReadOnlyList<string> chapters, BookOptions options, ErrorWriter errors, IReadOnlyDictionary<string, string>? sourceOf = null)
    {
        var book = BookRenderer.Render(sources.Read(chapters), Path.Combine(sources.Output, BookSources.BookFolder), options);
        foreach (var error in book.MathErrors)
        {
            var notebook = sourceOf?.GetValueOrDefault(Path.GetFullPath(error.NotebookPath)) ?? error.NotebookPath;
            errors.Writer.WriteLine($"WARNING {error with { NotebookPath = notebook }}");
        }
        return book.Index;
    }
}
