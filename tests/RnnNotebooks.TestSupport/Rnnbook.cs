using RnnNotebooks.Cli;
using Spectre.Console;

namespace RnnNotebooks.TestSupport;

/// <summary><c>rnnbook</c> run in this process as a user types it, with its console and error lines captured.</summary>
public static class Rnnbook
{
    /// <summary>Runs <c>rnnbook <paramref name="args"/></c>; returns its exit code, console text and standard error.</summary>
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args) => RunAsync(args, input: "");

    /// <summary>
    /// Runs <c>rnnbook <paramref name="args"/></c> with <paramref name="input"/> as its standard input; returns its exit
    /// code, console text (and <c>predict</c>'s answers) and standard error.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string[] args, string input)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        int exitCode = await RnnBookCli.RunAsync(args, console, errors, new StringReader(input), output);
        return (exitCode, output.ToString(), errors.ToString());
    }
}
