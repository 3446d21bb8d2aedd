using System.Diagnostics;

namespace RnnNotebooks.Benchmarks;

/// <summary>Warm-up and per-iteration timing in microseconds.</summary>
internal static class Stopwatches
{
    /// <summary>Runs <paramref name="action"/> for at least <paramref name="milliseconds"/> so the JIT reaches its final tier.</summary>
    public static void WarmUp(Action action, int milliseconds)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            action();
        }
        while (clock.ElapsedMilliseconds < milliseconds);
    }

    /// <summary>Times <paramref name="iterations"/> single runs, appending each in microseconds.</summary>
    public static void Time(Action action, int iterations, List<double> into)
    {
        for (int i = 0; i < iterations; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            into.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }
    }

    /// <summary>The median of the values.</summary>
    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }
}
