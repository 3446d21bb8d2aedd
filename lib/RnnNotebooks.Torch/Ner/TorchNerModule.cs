using RnnNotebooks.Tasks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>
/// Notebook 04's tagger as a TorchSharp module, written the way a TorchSharp user writes it:
/// <code>
/// x&lt;t&gt;    = [E[word&lt;t&gt;]; S[suffix&lt;t&gt;]; f&lt;t&gt;]      nn.Embedding x 2 and the fixed word-form features, (Tx, m, n_x)
/// a&lt;t&gt;    = [a_fwd&lt;t&gt;; a_bwd&lt;t&gt;]                     a bidirectional nn.RNN / nn.GRU / nn.LSTM over packed sequences
/// z&lt;t&gt;    = Wya a&lt;t&gt; + by                           nn.Linear(2 n_a, n_y): logits of the 9 IOB2 tags, (Tx, m, n_y)
/// </code>
/// Padded sentences are packed (<c>pack_padded_sequence</c>), so the backward direction starts at each sentence's own last
/// word, as the core's bidirectional RNN does with its lengths.
/// </summary>
public sealed class TorchNerModule : nn.Module
{
    private readonly TorchSharp.Modules.Embedding words;
    private readonly TorchSharp.Modules.Embedding suffixes;
    private readonly nn.Module recurrent;
    private readonly Linear output;
    private readonly RecurrentCell cell;

    /// <summary>The layers for vocabularies of the given sizes, in float64.</summary>
    /// <param name="vocabulary">V, the word vocabulary size (id 0 is the padding).</param>
    /// <param name="suffixVocabulary">V_s, the suffix vocabulary size.</param>
    /// <param name="nE">n_e, the word embedding size.</param>
    /// <param name="nS">n_s, the suffix embedding size.</param>
    /// <param name="nA">n_a, the hidden units of each direction.</param>
    /// <param name="nY">n_y, the number of tags.</param>
    /// <param name="cell">The recurrent layer.</param>
    public TorchNerModule(int vocabulary, int suffixVocabulary, int nE, int nS, int nA, int nY, RecurrentCell cell) : base(nameof(TorchNerModule))
    {
        this.cell = cell;
        int nX = nE + nS + WordFeatures.Count;
        words = nn.Embedding(vocabulary, nE, padding_idx: WordVocabulary.PadId, dtype: float64);
        suffixes = nn.Embedding(suffixVocabulary, nS, padding_idx: WordVocabulary.PadId, dtype: float64);
        recurrent = cell switch
        {
            RecurrentCell.Gru => nn.GRU(nX, nA, bidirectional: true, dtype: float64),
            RecurrentCell.Lstm => nn.LSTM(nX, nA, bidirectional: true, dtype: float64),
            _ => nn.RNN(nX, nA, nonLinearity: nn.NonLinearities.Tanh, bidirectional: true, dtype: float64),
        };
        output = nn.Linear(2 * nA, nY, dtype: float64);
        RegisterComponents();
    }

    /// <summary>The tag logits z&lt;t&gt;, (Tx, m, n_y); padded positions hold zeros' logits (by) and must be masked by the loss.</summary>
    /// <param name="wordIds">Word ids, (Tx, m) int64, padded with 0.</param>
    /// <param name="suffixIds">Suffix ids, (Tx, m) int64, padded with 0.</param>
    /// <param name="features">f&lt;t&gt;, (Tx, m, n_f) float64.</param>
    /// <param name="lengths">Each sentence's length, (m) int64 on the CPU.</param>
    public Tensor forward(Tensor wordIds, Tensor suffixIds, Tensor features, Tensor lengths)
    {
        long tx = wordIds.shape[0];
        var x = cat([words.call(wordIds), suffixes.call(suffixIds), features], dim: -1);          // x<t> = [E w; S s; f]
        var packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first: false, enforce_sorted: false);
        var states = cell switch
        {
            RecurrentCell.Gru => ((GRU)recurrent).call(packed).Item1,
            RecurrentCell.Lstm => ((LSTM)recurrent).call(packed).Item1,
            _ => ((RNN)recurrent).call(packed).Item1,
        };                                                                                        // [a_fwd<t>; a_bwd<t>]
        var (a, _) = nn.utils.rnn.pad_packed_sequence(states, batch_first: false, total_length: tx);
        return output.call(a);                                                                    // z<t> = Wya a<t> + by
    }
}
