namespace RnnNotebooks.Tasks;

/// <summary>How <see cref="CellRuns"/> trains one recurrent layer of the core: its cell, batch size, optimiser and clipping.</summary>
/// <param name="Name">The run's name, e.g. "gru-m1".</param>
/// <param name="Cell">RNN, GRU or LSTM.</param>
/// <param name="BatchSize">m: 1 takes the products' m = 1 path (a dot product per row), larger m the batched kernels.</param>
/// <param name="Optimizer">Makes the run's optimiser (a new one per run: optimisers keep state).</param>
/// <param name="Options">Clipping (by global norm or by value) and truncated BPTT.</param>
internal sealed record CellRun(string Name, RecurrentCell Cell, int BatchSize, Func<IOptimizer> Optimizer, TrainerOptions Options)
{
    /// <summary>
    /// Each cell twice, with m = 8 and m = 1, over Adam, Adagrad and SGD with momentum, clipped by global norm or by value,
    /// two of them with truncated BPTT (the LSTM's carrying c&lt;k&gt; from chunk to chunk).
    /// </summary>
    public static IReadOnlyList<CellRun> All { get; } =
    [
        new("rnn-m8", RecurrentCell.Rnn, 8, () => new Adam(0.01), new TrainerOptions { ClipNorm = 5 }),
        new("rnn-m1", RecurrentCell.Rnn, 1, () => new Adagrad(0.1), new TrainerOptions { ClipValue = 5, TruncateAfter = 6 }),
        new("gru-m8", RecurrentCell.Gru, 8, () => new Adam(0.01), new TrainerOptions { ClipNorm = 5 }),
        new("gru-m1", RecurrentCell.Gru, 1, () => new Sgd(0.1, momentum: 0.9), new TrainerOptions { ClipNorm = 5 }),
        new("lstm-m8", RecurrentCell.Lstm, 8, () => new Adam(0.01), new TrainerOptions { ClipNorm = 5, TruncateAfter = 6 }),
        new("lstm-m1", RecurrentCell.Lstm, 1, () => new Adagrad(0.1), new TrainerOptions { ClipNorm = 1 }),
    ];
}
