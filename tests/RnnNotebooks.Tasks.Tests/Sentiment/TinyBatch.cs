namespace RnnNotebooks.Tasks.Tests.Sentiment;

/// <summary>
/// The tiny labelled batch the classifier's gradient checks use: unequal lengths (padding in the batch), a repeated word
/// (E columns get gradients), a word seen once (read as &lt;unk&gt;).
/// </summary>
internal static class TinyBatch
{
    /// <summary>Four review sentences of 3 to 8 tokens.</summary>
    public static readonly string[] Texts = ["The film was not good.", "Great food but awful service!", "not bad", "Great, great film; zyx."];

    /// <summary>Their labels.</summary>
    public static readonly int[] Labels = [0, 0, 1, 1];
}
