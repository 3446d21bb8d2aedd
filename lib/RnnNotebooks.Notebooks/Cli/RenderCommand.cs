using RnnNotebooks.Notebooks.Book;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Notebooks.Cli;

/// <summary><c>rnnbook render</c>: builds the HTML book from the executed notebooks (or the sources not yet run).</summary>
internal sealed class RenderCommand(IAnsiConsole console) : AsyncCommand<NotebookSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, NotebookSettings settings, CancellationToken cancellationToken)
    {
        var index = Render(settings.ResolveNotebooks(), settings.ResolveOutput());
        console.MarkupLine($"Book: [link]{Markup.Escape(index)}[/]");
        return Task.FromResult(0);
    }

    /// <summary>Renders the book of <paramref name="sources"/> into <paramref name="output"/>/book; returns the index page.</summary>
    public static string Render(IReadOnlyList<string> sources, string output) =>
        BookRenderer.Render(BookSources.Read(sources, output), Path.Combine(output, BookSources.BookFolder));
}
