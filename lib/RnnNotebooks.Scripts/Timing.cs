using System.Globalization;

namespace RnnNotebooks.Scripts;

/// <summary>
/// Times a notebook prints (seconds per epoch, a progress line's elapsed time). A re-run never prints the same
/// time twice, so when the host runs a notebook to store its outputs in the repository (<c>rnnbook store</c>), it
/// switches times off (<see cref="StoringKey"/>) and these helpers print none: a stored notebook keeps only what a
/// re-run reproduces. Everywhere else (Jupyter, <c>rnnbook run</c>, an exported app) they print the time.
/// </summary>
public static class Timing
{
    /// <summary>
    /// The <see cref="AppContext"/> switch a host sets to true while it runs notebooks whose outputs it stores.
    /// AppContext is process-wide, so it reaches a second copy of this assembly that a notebook's <c>#r</c> loaded.
    /// </summary>
    public const string StoringKey = "RnnNotebooks.Scripts.Timing.Storing";

    /// <summary>What a stored notebook shows in place of a measured time.</summary>
    public const string NotStored = "(a time: measured when the notebook runs, not stored)";

    /// <summary>True while the host stores outputs: times are not printed.</summary>
    public static bool IsStoring => AppContext.GetData(StoringKey) is true;

    /// <summary>
    /// A progress line's time, <c>" (1.2 s)"</c> with one decimal; empty while outputs are stored.
    /// Use it at the end of a line: <c>$"epoch {e}: loss {loss:F3}{Timing.Elapsed(seconds)}"</c>.
    /// </summary>
    /// <param name="seconds">Seconds elapsed.</param>
    public static string Elapsed(double seconds) =>
        IsStoring ? "" : string.Create(CultureInfo.InvariantCulture, $" ({seconds:F1} s)");

    /// <summary>
    /// <paramref name="text"/>, a line that states times (say, "core 15 ms, TorchSharp 187 ms per epoch"), or
    /// <see cref="NotStored"/> while outputs are stored.
    /// </summary>
    /// <param name="text">The line with its times.</param>
    public static string Measured(string text) => IsStoring ? NotStored : text;
}
