namespace RnnNotebooks.Tasks;

/// <summary>
/// What the classifier's head reads from the hidden states a&lt;1&gt; .. a&lt;T_j&gt; of sentence j (any combination, in this
/// order): the last state, the mean over the steps, the maximum of each unit over the steps.
/// </summary>
[Flags]
public enum SentimentPooling
{
    /// <summary>a&lt;T_j&gt;, the state after the last word: the note's many-to-one model (the default).</summary>
    Last = 1,

    /// <summary>(1 / T_j) sum_{t=1..T_j} a&lt;t&gt;: every word counts the same, wherever it is.</summary>
    Mean = 2,

    /// <summary>max_{t=1..T_j} a&lt;t&gt;_i for each unit i: whether a unit fired anywhere in the sentence.</summary>
    Max = 4,

    /// <summary>[a&lt;T_j&gt;; mean; max].</summary>
    All = Last | Mean | Max,
}
