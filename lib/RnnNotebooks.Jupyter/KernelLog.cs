using System.Globalization;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// The kernel's log: one timestamped line per event, on the process's real standard error (Jupyter shows it in
/// the server's log). Taken before the C# kernel exists, which redirects <see cref="Console.Error"/> while cells run.
/// </summary>
public sealed class KernelLog(TextWriter writer)
{
    private readonly Lock gate = new();

    /// <summary>A log on the process's standard error stream.</summary>
    public static KernelLog StandardError() =>
        new(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true });

    /// <summary>Writes <paramref name="message"/> as one line: time, <c>[rnnnotebooks-kernel]</c>, message.</summary>
    public void Write(string message)
    {
        var time = DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        lock (gate)
        {
            writer.WriteLine($"{time} [rnnnotebooks-kernel] {message}");
        }
    }
}
