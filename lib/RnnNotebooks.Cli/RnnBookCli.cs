using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>The <c>rnnbook</c> command line: <c>run</c> (the default), <c>render</c>, <c>export</c>, <c>predict</c>, <c>train</c>, <c>generate</c>, <c>repro</c>, <c>sweep</c>, <c>kernel install</c>, <c>kernel run</c>.</summary>
public static class RnnBookCli
{
    /// <summary>Runs the command line <paramref name="args"/>; returns the exit code.</summary>
    /// <param name="args">The arguments, e.g. <c>run notebooks/00-setup-check.ipynb</c>.</param>
    /// <param name="console">The console for progress and tables; the terminal when null.</param>
    /// <param name="errors">Where failure lines go; standard error when null.</param>
    /// <param name="input">Where <c>predict</c> reads its lines; standard input when null.</param>
    /// <param name="output">Where <c>predict</c> writes its answers (<c>generate</c> its names and paths, <c>repro</c> its table); standard output when null.</param>
    public static Task<int> RunAsync(string[] args, IAnsiConsole? console = null, TextWriter? errors = null, TextReader? input = null, TextWriter? output = null)
    {
        // Created before any kernel exists: a kernel captures Console.Out while a cell runs.
        console ??= AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 140; // a log or CI has no terminal width: do not wrap the summary at 80 columns
        }
        var app = new CommandApp<RunCommand>();
        app.Configure(config =>
        {
            config.Settings.Registrar.RegisterInstance(new ErrorWriter(errors ?? Console.Error));
            config.Settings.Registrar.RegisterInstance(new LineStreams(input ?? Console.In, output ?? Console.Out));
            config.SetApplicationName("rnnbook");
            config.ConfigureConsole(console);
            config.AddCommand<RunCommand>("run")
                .WithDescription("Run notebooks top to bottom (all in notebooks/ by default), write them with outputs, render the book.")
                .WithExample("run")
                .WithExample("run", "notebooks/00-setup-check.ipynb", "--time-limit", "60");
            config.AddCommand<RenderCommand>("render")
                .WithDescription("Render the HTML book from the executed notebooks in the output folder.");
            config.AddCommand<ExportCommand>("export")
                .WithDescription("Write each notebook as a .NET file-based app, notebooks/cs/NN-name.cs, that `dotnet run` executes.")
                .WithExample("export")
                .WithExample("export", "--check");
            config.AddCommand<PredictCommand>("predict")
                .WithDescription("Answer one input line per line with a model a notebook saved (out/models/TASK.safetensors).")
                .WithExample("predict", "ner")
                .WithExample("predict", "ner", "--model", "out/models/ner.safetensors");
            config.AddCommand<TrainCommand>("train")
                .WithDescription("Train notebook 05's translator longer than the notebook does, or notebook 04's tagger as an ensemble of ten (--taggers K), with progress bars, and save it where `rnnbook predict` looks.")
                .WithExample("train", "translate")
                .WithExample("train", "ner")
                .WithExample("train", "translate", "--epochs", "20", "--model", "out/models/translate-20.safetensors");
            config.AddCommand<GenerateCommand>("generate")
                .WithDescription("Sample names (one per line) or melodies (MIDI + WAV files, paths printed) from a model notebook 07 saved.")
                .WithExample("generate", "names", "--count", "10", "--temperature", "0.8")
                .WithExample("generate", "music", "--count", "2", "--out", "out/generated");
            config.AddCommand<ReproCommand>("repro")
                .WithDescription("Train every kind of model a few seeded steps and print the SHA-256 of its parameters before and after, as plain text: the same seed must give the same table on every machine.")
                .WithExample("repro")
                .WithExample("repro", "--seed", "2");
            config.AddCommand<SweepCommand>("sweep")
                .WithDescription("Run notebooks several times with the model seeds shifted (the data kept) and print each figure's min, median and max over the seeds, its expected range and how many seeds fell inside it. Stores nothing.")
                .WithExample("sweep", "notebooks/06-many-to-one-sentiment.ipynb")
                .WithExample("sweep", "notebooks/03-backpropagation-through-time.ipynb", "--seeds", "10", "--csv", "out/sweep.csv");
            config.AddBranch("kernel", kernel =>
            {
                kernel.SetDescription("The Jupyter kernel rnnnotebooks-csharp: install its kernelspec, or run it (what kernel.json does).");
                kernel.AddCommand<KernelInstallCommand>("install")
                    .WithDescription("Write the kernelspec rnnnotebooks-csharp (for the current user by default) so Jupyter, VS Code and Binder list it.")
                    .WithExample("kernel", "install")
                    .WithExample("kernel", "install", "--prefix", "/tmp/jupyter");
                kernel.AddCommand<KernelRunCommand>("run")
                    .WithDescription("Serve the kernel on the connection file's ports until it is shut down or its parent process exits.");
            });
        });
        return app.RunAsync(args);
    }
}
