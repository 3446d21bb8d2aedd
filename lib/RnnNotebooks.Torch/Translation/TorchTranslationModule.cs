using RnnNotebooks.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>
/// Notebook 05's encoder-decoder with additive attention as a TorchSharp module, float32, the core's
/// <see cref="AttentionEncoderDecoder"/> written with nn layers:
/// <code>
/// h&lt;t'&gt;   = [a_fwd&lt;t'&gt;; a_bwd&lt;t'&gt;]          bidirectional RNN / GRU / LSTM over the packed, embedded input: (Tx, m, n_s = 2 n_a)
/// s&lt;0&gt;    = [a_fwd&lt;Tx&gt;; a_bwd&lt;1&gt;]             both directions' last states (and cells, for the LSTM)
/// c&lt;t&gt;    = attention(s&lt;t-1&gt;, h&lt;1..Tx&gt;)       <see cref="TorchAdditiveAttention"/>
/// s&lt;t&gt;    = RNN / GRU / LSTM([F[y&lt;t-1&gt;]; c&lt;t&gt;], s&lt;t-1&gt;)   one decoder step, y&lt;0&gt; = &lt;s&gt;
/// z&lt;t&gt;    = Wy [s&lt;t&gt;; c&lt;t&gt;] + by              nn.Linear(2 n_s, n_y): the logits of y&lt;t&gt;
/// </code>
/// Training feeds the true y&lt;t-1&gt; (teacher forcing, <see cref="forward"/>); <see cref="Greedy"/> feeds back its own argmax.
/// </summary>
public sealed class TorchTranslationModule : nn.Module
{
    private readonly TorchSharp.Modules.Embedding sourceTokens;
    private readonly TorchSharp.Modules.Embedding targetTokens;
    private readonly TorchRecurrentLayer encoder;
    private readonly TorchAdditiveAttention attention;
    private readonly TorchRecurrentLayer decoder;
    private readonly TorchSharp.Modules.Linear output;

    /// <summary>The layers, with weights from torch's generator (seed it first with <c>torch.random.manual_seed</c>).</summary>
    /// <param name="sourceVocabulary">n_x, the input vocabulary (id 0 the padding).</param>
    /// <param name="targetVocabulary">n_y, the output vocabulary.</param>
    /// <param name="nE">n_e, the size of a token's vector, for both vocabularies.</param>
    /// <param name="nA">n_a, the units of each encoder direction; the decoder has n_s = 2 n_a.</param>
    /// <param name="nAtt">n_att, the attention's scoring units.</param>
    /// <param name="cell">nn.RNN (tanh), nn.GRU or nn.LSTM, for the encoder and the decoder.</param>
    public TorchTranslationModule(int sourceVocabulary, int targetVocabulary, int nE, int nA, int nAtt, RecurrentCell cell)
        : base(nameof(TorchTranslationModule))
    {
        (SourceVocabulary, TargetVocabulary) = (sourceVocabulary, targetVocabulary);
        sourceTokens = nn.Embedding(sourceVocabulary, nE, padding_idx: TranslationVocabulary.PadId);
        targetTokens = nn.Embedding(targetVocabulary, nE, padding_idx: TranslationVocabulary.PadId);
        encoder = new TorchRecurrentLayer(cell, nE, nA, bidirectional: true);
        attention = new TorchAdditiveAttention(2 * nA, 2 * nA, nAtt);
        decoder = new TorchRecurrentLayer(cell, nE + 2 * nA, 2 * nA);
        output = nn.Linear(4 * nA, targetVocabulary);
        RegisterComponents();
    }

    /// <summary>n_x.</summary>
    public int SourceVocabulary { get; }

    /// <summary>n_y.</summary>
    public int TargetVocabulary { get; }

    /// <summary>The logits z&lt;1..Ty&gt; (Ty, m, n_y) with the true previous tokens fed in.</summary>
    /// <param name="sourceIds">Input ids (Tx, m) int64, padded with 0.</param>
    /// <param name="sourceLengths">T_x^(j), (m) int64 on the CPU.</param>
    /// <param name="previousIds">y&lt;0..Ty-1&gt; (Ty, m) int64: &lt;s&gt;, then the target without its last token.</param>
    /// <exception cref="ArgumentOutOfRangeException">An id outside its vocabulary (named with its step and sequence).</exception>
    public Tensor forward(Tensor sourceIds, Tensor sourceLengths, Tensor previousIds)
    {
        TokenIds.Check(previousIds, TargetVocabulary, nameof(previousIds));
        var memory = Encode(sourceIds, sourceLengths);
        var logits = new List<Tensor>();
        for (long t = 0; t < previousIds.shape[0]; t++)
        {
            logits.Add(Step(memory, previousIds[t]));
        }
        return stack(logits);
    }

    /// <summary>Greedy decoding: y&lt;t&gt; = argmax z&lt;t&gt;, fed back, for <paramref name="maxLength"/> steps.</summary>
    /// <param name="sourceIds">Input ids (Tx, m) int64, padded with 0.</param>
    /// <param name="sourceLengths">T_x^(j), (m) int64 on the CPU.</param>
    /// <param name="maxLength">T_y, the number of steps.</param>
    /// <returns>The ids (Ty, m) and the attention weights (Ty, Tx, m).</returns>
    public (Tensor Ids, Tensor Alpha) Greedy(Tensor sourceIds, Tensor sourceLengths, int maxLength)
    {
        var memory = Encode(sourceIds, sourceLengths);
        var previous = full(sourceIds.shape[1], TranslationVocabulary.StartId, int64, sourceIds.device);   // y<0> = <s>
        var (ids, alphas) = (new List<Tensor>(), new List<Tensor>());
        for (int t = 0; t < maxLength; t++)
        {
            previous = Step(memory, previous).argmax(-1);                                                 // y<t> = argmax z<t>
            ids.Add(previous);
            alphas.Add(memory.Alpha!);
        }
        return (stack(ids), stack(alphas));
    }

    /// <summary>h&lt;1..Tx&gt;, the keys, the padding mask and s&lt;0&gt;.</summary>
    private DecoderMemory Encode(Tensor sourceIds, Tensor sourceLengths)
    {
        TokenIds.Check(sourceIds, SourceVocabulary, nameof(sourceIds));
        var packed = nn.utils.rnn.pack_padded_sequence(sourceTokens.call(sourceIds), sourceLengths, enforce_sorted: false);
        var (states, last) = encoder.forward(packed);
        var (h, _) = nn.utils.rnn.pad_packed_sequence(states, total_length: sourceIds.shape[0]);          // h<t'> = [a_fwd; a_bwd]
        var s0 = new TorchRecurrentState(Directions(last.A), last.C is null ? null : Directions(last.C));       // s<0> = [a_fwd<Tx>; a_bwd<1>]
        return new DecoderMemory(h, attention.Keys(h), sourceIds != TranslationVocabulary.PadId, s0);
    }

    /// <summary>One decoder step from y&lt;t-1&gt; (m): updates the memory's state, returns z&lt;t&gt; (m, n_y).</summary>
    private Tensor Step(DecoderMemory memory, Tensor previous)
    {
        var (context, alpha) = attention.forward(memory.State.A[0], memory.Keys, memory.H, memory.Real);   // c<t> from s<t-1>
        var x = cat([targetTokens.call(previous), context], -1).unsqueeze(0);                              // [F y<t-1>; c<t>]
        var (s, next) = decoder.forward(x, memory.State);                                                  // s<t>
        memory.State = next;
        memory.Alpha = alpha;
        return output.call(cat([s[0], context], -1));                                                      // z<t> = Wy [s<t>; c<t>] + by
    }

    /// <summary>(2, m, n_a), forward then backward, to (1, m, 2 n_a).</summary>
    private static Tensor Directions(Tensor last) => cat([last[0], last[1]], -1).unsqueeze(0);
}
