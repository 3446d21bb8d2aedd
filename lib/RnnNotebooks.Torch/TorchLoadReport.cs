namespace RnnNotebooks.Torch;

/// <summary>What <see cref="TorchSetup.EnsureLoaded"/> took.</summary>
/// <param name="TotalTime">Time of the whole first call: loading libtorch and setting the thread count.</param>
public sealed record TorchLoadReport(TimeSpan TotalTime)
{
    /// <summary>One line for a notebook or a log.</summary>
    public override string ToString() => $"first torch call {TotalTime.TotalMilliseconds:F0} ms";
}
