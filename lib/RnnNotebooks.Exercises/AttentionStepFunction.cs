namespace RnnNotebooks.Exercises;

/// <summary>
/// The reader's step of additive (Bahdanau) attention (<see cref="AdditiveAttention"/>), for a batch of m columns:
/// e&lt;t,t'&gt; = vᵀ tanh(Wd s&lt;t-1&gt; + We h&lt;t'&gt;), alpha&lt;t,·&gt; = softmax over t' = 1 .. Tx of e&lt;t,·&gt; (column by column),
/// and the context c&lt;t&gt; = sum over t' of alpha&lt;t,t'&gt; h&lt;t'&gt;.
/// </summary>
/// <param name="Wd">Wd, shape (n_att, n_s): scores from the decoder's state.</param>
/// <param name="We">We, shape (n_att, n_h): keys from the encoder's states.</param>
/// <param name="v">v, shape (n_att).</param>
/// <param name="s">s&lt;t-1&gt;, the decoder's previous state, shape (n_s, m).</param>
/// <param name="h">h&lt;t'&gt; at [t' - 1], the encoder's states, Tx matrices of shape (n_h, m).</param>
/// <returns>new AttentionStep(e, alpha, context): e and alpha (Tx, m), context (n_h, m).</returns>
public delegate AttentionStep AttentionStepFunction(Matrix Wd, Matrix We, double[] v, Matrix s, Matrix[] h);
