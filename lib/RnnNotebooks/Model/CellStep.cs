namespace RnnNotebooks;

/// <summary>
/// The states and buffers of one step t of a recurrent cell, for a batch of m (views, not copies): what
/// <see cref="IRecurrentCell.Forward"/> reads and writes and <see cref="IRecurrentCell.Backward"/> reads back.
/// </summary>
/// <param name="APrev">a&lt;t-1&gt;, (n_a, m), read.</param>
/// <param name="CPrev">c&lt;t-1&gt;, (n_a, m), read (LSTM); null for a cell without a cell state.</param>
/// <param name="Gates">The activated gates, (G n_a, m): GRU [r; z; n], LSTM [i; f; g; o]; null for the RNN.</param>
/// <param name="Extra">The block the backward step needs, (n_a, m): GRU Wna a&lt;t-1&gt; + bna, LSTM tanh(c&lt;t&gt;); null for the RNN.</param>
/// <param name="Recurrent">Scratch (G n_a, m) for Waa a&lt;t-1&gt; + baa; null for the RNN.</param>
/// <param name="C">c&lt;t&gt;, (n_a, m), written (LSTM); null for a cell without a cell state.</param>
/// <param name="A">a&lt;t&gt;, (n_a, m), written.</param>
public readonly record struct CellStep(Matrix APrev, Matrix? CPrev, Matrix? Gates, Matrix? Extra, Matrix? Recurrent, Matrix? C, Matrix A);
