namespace RnnNotebooks;

/// <summary>
/// What any recurrent layer's forward pass keeps (<see cref="RnnCache"/>, <see cref="GatedCache"/>): the per-step
/// states a&lt;t&gt;, the final state(s) a&lt;Tx&gt; (and c&lt;Tx&gt; for an LSTM), the logits and yHat&lt;t&gt;.
/// </summary>
public interface IRecurrentCache
{
    /// <summary>Tx, the number of steps.</summary>
    int Length { get; }

    /// <summary>m, the batch size.</summary>
    int BatchSize { get; }

    /// <summary>The inputs of the last forward pass.</summary>
    SequenceBatch X { get; }

    /// <summary>a&lt;t&gt;, shape (n_a, m), for t = 0 .. Tx (a&lt;0&gt; is the initial state).</summary>
    Matrix A(int t);

    /// <summary>a&lt;Tx&gt;, shape (n_a, m): the state carried to the next chunk or handed to a decoder.</summary>
    Matrix Last { get; }

    /// <summary>c&lt;Tx&gt;, shape (n_a, m), the LSTM's last cell state; null for a cell without one (RNN, GRU).</summary>
    Matrix? LastCell { get; }

    /// <summary>The logits Wya a&lt;t&gt; + by, shape (n_y, m), for t = 1 .. Tx.</summary>
    Matrix Logits(int t);

    /// <summary>yHat&lt;t&gt;, shape (n_y, m), for t = 1 .. Tx.</summary>
    Matrix YHat(int t);
}
