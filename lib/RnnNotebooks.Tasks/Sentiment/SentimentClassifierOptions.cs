namespace RnnNotebooks.Tasks;

/// <summary>The sizes and choices of a new <see cref="SentimentClassifier"/>; the defaults are what notebook 06 trains.</summary>
public sealed record SentimentClassifierOptions
{
    /// <summary>n_e, the size of a word's vector E[:, word] (the recurrent layer's n_x).</summary>
    public int nE { get; init; } = 32;

    /// <summary>n_a, hidden units.</summary>
    public int nA { get; init; } = 32;

    /// <summary>The recurrent cell: the note's RNN (notebook 06), a GRU or an LSTM.</summary>
    public RecurrentCell Cell { get; init; } = RecurrentCell.Rnn;

    /// <summary>What the head reads: a&lt;T_x&gt; only (the note's model), or with the mean and/or maximum over the states (<see cref="SentimentPooling"/>).</summary>
    public SentimentPooling Pooling { get; init; } = SentimentPooling.Last;

    /// <summary>g1, the RNN's hidden activation (a GRU or LSTM has its activations fixed and ignores it).</summary>
    public Activation G1 { get; init; } = Activation.Tanh;

    /// <summary>How often a word must occur in training to get its own column of E; rarer words share &lt;unk&gt;.</summary>
    public int MinWordCount { get; init; } = 2;

    /// <summary>The standard deviation of the initial values of E (drawn from N(0, scale²)).</summary>
    public double EmbeddingScale { get; init; } = 0.5;

    /// <summary>The seed of every initial value: the same seed gives the same bits.</summary>
    public int Seed { get; init; } = 1;
}
