namespace RnnNotebooks.Tasks;

/// <summary>The sizes and choices of a new <see cref="NerTagger"/>; the defaults are what notebook 04 trains.</summary>
public sealed record NerTaggerOptions
{
    /// <summary>Left to right (the note's RNN) or bidirectional.</summary>
    public TaggerDirection Direction { get; init; } = TaggerDirection.Bidirectional;

    /// <summary>n_e, the size of a word's vector E[word].</summary>
    public int nE { get; init; } = 32;

    /// <summary>n_s, the size of a suffix's vector S[suffix].</summary>
    public int nS { get; init; } = 16;

    /// <summary>n_a, hidden units (per direction for a BiRNN).</summary>
    public int nA { get; init; } = 32;

    /// <summary>The recurrent cell of the direction(s): the note's RNN (notebook 04), a GRU or an LSTM.</summary>
    public RecurrentCell Cell { get; init; } = RecurrentCell.Rnn;

    /// <summary>g1, the RNN's hidden activation (a GRU or LSTM has its activations fixed and ignores it).</summary>
    public Activation G1 { get; init; } = Activation.Tanh;

    /// <summary>How often a word must occur in training to get its own column of E; rarer words share &lt;unk&gt;.</summary>
    public int MinWordCount { get; init; } = 2;

    /// <summary>How often a suffix must occur in training to get its own column of S.</summary>
    public int MinSuffixCount { get; init; } = 2;

    /// <summary>The standard deviation of the initial values of E and S (drawn from N(0, scale²)).</summary>
    public double EmbeddingScale { get; init; } = 0.5;

    /// <summary>Read each word's characters with a <see cref="CharacterEncoder"/> and append its r (2 n_ca) to x&lt;t&gt;.</summary>
    public bool Characters { get; init; }

    /// <summary>The cell of the character encoder's two directions (an LSTM, as in Lample et al. 2016).</summary>
    public RecurrentCell CharacterCell { get; init; } = RecurrentCell.Lstm;

    /// <summary>n_c, the size of a character's vector C[:, char].</summary>
    public int nC { get; init; } = 16;

    /// <summary>n_ca, the character encoder's hidden units per direction.</summary>
    public int nCA { get; init; } = 16;

    /// <summary>How often a character must occur in training to get its own column of C.</summary>
    public int MinCharacterCount { get; init; } = 2;

    /// <summary>A linear-chain CRF over the logits (<see cref="LinearChainCrf"/>) in place of a softmax per token.</summary>
    public bool Crf { get; init; }

    /// <summary>
    /// Append the document features d&lt;t&gt; (n_d = 4, <see cref="DocumentFeatures"/>) to f&lt;t&gt;: how the token's word is
    /// written elsewhere in its document. The tagger then reads every sentence within its document
    /// (<see cref="RnnNotebooks.Data.NerSentence.Document"/>; a list of sentences given to <see cref="NerTagger.Predict(IReadOnlyList{IReadOnlyList{string}})"/> is one document).
    /// </summary>
    public bool DocumentFeatures { get; init; }

    /// <summary>
    /// Tag in IOBES inside (<see cref="RnnNotebooks.Data.IobesTags"/>, 17 tags: an entity's last token E-X, a one-token entity S-X):
    /// gold IOB2 tags are rewritten for training and predictions read back as IOB2.
    /// </summary>
    public bool Iobes { get; init; }

    /// <summary>The seed of every initial value: the same seed gives the same bits.</summary>
    public int Seed { get; init; } = 1;
}
