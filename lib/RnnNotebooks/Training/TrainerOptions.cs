namespace RnnNotebooks;

/// <summary>How a <see cref="Trainer"/> treats gradients before each update.</summary>
public sealed record TrainerOptions
{
    /// <summary>Clamp each gradient value into [-ClipValue, ClipValue]; null: no clamping.</summary>
    public double? ClipValue { get; init; }

    /// <summary>Rescale the gradients when their global norm exceeds ClipNorm; null: no rescaling.</summary>
    public double? ClipNorm { get; init; }

    /// <summary>
    /// Truncated BPTT: k. The sequence is cut into chunks of k steps; each chunk is a forward pass from the
    /// state a carried over from the previous chunk, a backward pass that stops at the chunk's start, and an
    /// update. Null: full BPTT over the whole sequence, one update per call.
    /// </summary>
    public int? TruncateAfter { get; init; }
}
