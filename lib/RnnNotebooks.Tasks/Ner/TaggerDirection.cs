namespace RnnNotebooks.Tasks;

/// <summary>Which recurrent network reads the sentence in a <see cref="NerTagger"/>.</summary>
public enum TaggerDirection
{
    /// <summary>
    /// The note's RNN, left to right: yHat&lt;t&gt; = softmax(Wya a&lt;t&gt; + by) sees x&lt;1&gt; .. x&lt;t&gt; only, so it cannot
    /// use the words after t ("Teddy Roosevelt" against "Teddy bears").
    /// </summary>
    LeftToRight,

    /// <summary>A <see cref="BidirectionalRnn"/>: yHat&lt;t&gt; = softmax(Wya [a_fwd&lt;t&gt;; a_bwd&lt;t&gt;] + by) sees the whole sentence.</summary>
    Bidirectional,
}
