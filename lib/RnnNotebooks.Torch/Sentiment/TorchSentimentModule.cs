using RnnNotebooks.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>Notebook 06's many-to-one classifier as a TorchSharp module, float32.</summary>
/// <remarks>
/// <code>
/// x&lt;t&gt;  = E[word&lt;t&gt;]                       nn.Embedding(V, n_e), padding id 0: (Tx, m, n_e)
/// a&lt;t&gt;  = RNN / GRU / LSTM(x&lt;t&gt;, a&lt;t-1&gt;)      over packed sequences, so a&lt;T_x^(j)&gt; is each sentence's own last state
/// z      = Wya a&lt;T_x&gt; + by                   nn.Linear(n_a, 1): the logit of p(positive), (m)
/// </code>
/// yHat = sigmoid(z); the loss (<c>binary_cross_entropy_with_logits</c>) applies the sigmoid itself, which is steadier.
/// </remarks>
public sealed class TorchSentimentModule : nn.Module
{
    private readonly TorchSharp.Modules.Embedding words;      // E
    private readonly TorchRecurrentLayer recurrent;           // Waa, Wax, ba (per gate for the GRU and LSTM)
    private readonly TorchSharp.Modules.Linear output;        // Wya, by

    /// <summary>The layers, with weights from torch's generator (seed it first with <c>torch.random.manual_seed</c>).</summary>
    /// <param name="vocabulary">V, the vocabulary size (id 0 is the padding, id 1 &lt;unk&gt;).</param>
    /// <param name="nE">n_e, the size of a word's vector.</param>
    /// <param name="nA">n_a, hidden units.</param>
    /// <param name="cell">nn.RNN (tanh), nn.GRU or nn.LSTM.</param>
    /// <param name="embeddingScale">The standard deviation of E's initial values, as the core's classifier draws them; null for nn.Embedding's N(0, 1).</param>
    public TorchSentimentModule(int vocabulary, int nE, int nA, RecurrentCell cell, double? embeddingScale = null) : base(nameof(TorchSentimentModule))
    {
        Vocabulary = vocabulary;
        words = nn.Embedding(vocabulary, nE, padding_idx: WordVocabulary.PadId);
        if (embeddingScale is double scale)
        {
            using var noGrad = no_grad();
            nn.init.normal_(words.weight!, 0, scale);                                // E ~ N(0, scale^2)
            words.weight![WordVocabulary.PadId].zero_();                             // the padding row stays 0
        }
        recurrent = new TorchRecurrentLayer(cell, nE, nA);
        output = nn.Linear(nA, 1);
        RegisterComponents();
    }

    /// <summary>V, the rows of E.</summary>
    public int Vocabulary { get; }

    /// <summary>The logit z of each sentence, (m).</summary>
    /// <param name="wordIds">Word ids, (Tx, m) int64, padded at the end with 0.</param>
    /// <param name="lengths">T_x^(j) of each sentence, (m) int64 on the CPU, each at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An id outside [0, V) (named with its step and sentence).</exception>
    public Tensor forward(Tensor wordIds, Tensor lengths)
    {
        TokenIds.Check(wordIds, Vocabulary, nameof(wordIds));
        var x = words.call(wordIds);                                                                    // x<t> = E[word<t>]
        var packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first: false, enforce_sorted: false);
        var (_, state) = recurrent.forward(packed);                                                     // a<T_x^(j)>, (1, m, n_a)
        return output.call(state.A[-1]).squeeze(-1);                                                    // z = Wya a<T_x> + by
    }
}
