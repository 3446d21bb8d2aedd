using RnnNotebooks.Engine;
using RnnNotebooks.Engine.Documents;
using RnnNotebooks.Engine.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>
/// <c>rnnbook export [notebooks] [-o FOLDER] [--check]</c>: writes each notebook as a .NET 10 file-based app,
/// <c>notebooks/cs/NN-name.cs</c> by default, that <c>dotnet run</c> executes with no notebook kernel.
/// </summary>
internal sealed class ExportCommand(IAnsiConsole console, ErrorWriter errors) : Command<ExportSettings>
{
    public override int Execute(CommandContext context, ExportSettings settings, CancellationToken cancellationToken)
    {
        var repository = RepositoryLayout.Find(Environment.CurrentDirectory);
        var folder = settings.Output ?? Path.Combine(repository.NotebooksFolder, NotebookExporter.DefaultFolder);
        int stale = 0;
        foreach (var path in settings.ResolveNotebooks())
        {
            var notebook = NotebookReader.Read(path);
            string text;
            try
            {
                text = NotebookExporter.Export(notebook, folder, repository.Root);
            }
            catch (Exception e) when (e is ExportException or NotebookFormatException)
            {
                errors.Writer.WriteLine($"rnnbook export: {e.Message}");
                return 1;
            }
            var target = Path.Combine(folder, notebook.Name + ".cs");
            if (settings.Check)
            {
                stale += Check(target, text);
                continue;
            }
            Directory.CreateDirectory(folder);
            File.WriteAllText(target, text);
            console.MarkupLine($"{Markup.Escape(path)} -> {Markup.Escape(target)}");
        }
        return stale == 0 ? 0 : 1;
    }

    private int Check(string target, string text)
    {
        if (File.Exists(target) && File.ReadAllText(target) == text)
        {
            return 0;
        }
        errors.Writer.WriteLine($"rnnbook export --check: {target} is {(File.Exists(target) ? "out of date" : "missing")}: run `rnnbook export`.");
        return 1;
    }
}
