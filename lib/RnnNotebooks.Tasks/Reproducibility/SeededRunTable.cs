using System.Text;

namespace RnnNotebooks.Tasks;

/// <summary>
/// <see cref="SeededRuns"/> as plain text in fixed columns, with nothing from the machine or the clock in it, so two
/// runs' tables can be compared as text: one line per run (name, m, steps, initial and trained SHA-256), then what each
/// trained model sampled or answered. Lines end in '\n' on every operating system.
/// </summary>
public static class SeededRunTable
{
    /// <summary>The column headings' line; every run's line follows it with the same columns.</summary>
    public static string Heading { get; } = $"{"run",-16} {"m",2} {"steps",6}  {"initial SHA-256",-64}  trained SHA-256";

    /// <summary>The heading of the samples part.</summary>
    public const string SamplesHeading = "samples";

    /// <summary>The table of <paramref name="runs"/>.</summary>
    /// <param name="seed">The seed the runs were made with.</param>
    /// <param name="runs">The runs, in order.</param>
    public static string Format(int seed, IReadOnlyList<SeededRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var text = new StringBuilder();
        text.Append($"seed {seed}: SHA-256 of each model's float64 parameters (safetensors bytes), before and after training\n");
        text.Append(Heading).Append('\n');
        foreach (var run in runs)
        {
            text.Append($"{run.Name,-16} {run.BatchSize,2} {run.Steps,6}  {run.Initial}  {run.Trained}\n");
        }
        text.Append('\n').Append(SamplesHeading).Append('\n');
        foreach (var run in runs.Where(r => r.Sample is not null))
        {
            text.Append($"{run.Name,-16}  \"{Visible(run.Sample!)}\"\n");
        }
        return text.ToString();
    }

    /// <summary>The sample on one line (it is printed in quotes, so its first and last spaces show): control characters as \uXXXX.</summary>
    private static string Visible(string sample) =>
        string.Concat(sample.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
