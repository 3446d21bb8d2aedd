namespace RnnNotebooks;

/// <summary>A recurrent layer's state between steps: a&lt;t&gt; and, for an LSTM, c&lt;t&gt;; the plain encoder-decoder's decoding state.</summary>
/// <param name="A">a&lt;t&gt; (the decoder's s&lt;t&gt;), shape (n_a, m).</param>
/// <param name="C">c&lt;t&gt;, shape (n_a, m), for an LSTM; null for a cell without a cell state.</param>
public sealed record RecurrentState(Matrix A, Matrix? C);
