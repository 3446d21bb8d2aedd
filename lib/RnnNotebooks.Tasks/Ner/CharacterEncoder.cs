namespace RnnNotebooks.Tasks;

/// <summary>
/// Reads each word's characters with a small bidirectional recurrent network and returns one vector per word (Lample et
/// al. 2016), what a word's spelling says beyond a fixed suffix: "-ese" and "-burg", capitals, digits, hyphens.
/// For W words at once, the k-th character of word w (k = 1 .. K_w, padded at the end to the longest):
/// <code>
/// c&lt;k&gt;     = C[:, char&lt;k&gt;]                                   (n_c, W)
/// a_fwd&lt;k&gt; = cell(a_fwd&lt;k-1&gt;, c&lt;k&gt;),  k = 1 .. K_w            (n_ca, W)  left to right
/// a_bwd&lt;k&gt; = cell(a_bwd&lt;k+1&gt;, c&lt;k&gt;),  k = K_w .. 1            (n_ca, W)  right to left
/// r_w       = [a_fwd&lt;K_w&gt;; a_bwd&lt;1&gt;]                          (2 n_ca, W): each direction's state after the whole word
/// </code>
/// The backward direction runs left to right over each word's characters reversed, so a_bwd&lt;1&gt; is its state at step K_w.
/// Backward: dr_w's top half is dAFromAbove of the forward direction at step K_w, its bottom half the backward
/// direction's at its step K_w; dC gathers both directions' dx&lt;k&gt;. A word longer than <see cref="MaxCharacters"/>
/// keeps its first and last <see cref="MaxCharacters"/> / 2 characters; an empty word reads as one unknown character.
/// <para>
/// The words are read in groups of similar length (1-3, 4-6, 7-9 and 10-20 characters), each group padded only to its
/// longest word: a batch's words average about 6 characters but its longest has 15 to 20, so one group would spend most
/// of its steps on padding. A word's r does not depend on its group (the padding comes after its last character; only
/// the last bit may differ, as a product over one column may round otherwise than over many); the weight gradients are
/// the groups' sums, added in group order.
/// </para>
/// </summary>
public sealed class CharacterEncoder : IParameterSet
{
    /// <summary>The most characters read of one word: its beginning and its end, half each.</summary>
    public const int MaxCharacters = 20;

    /// <summary>The longest word of each group that is read together; the last is <see cref="MaxCharacters"/>.</summary>
    private static readonly int[] GroupLimits = [3, 6, 9, MaxCharacters];

    private readonly RecurrentLayer forward;
    private readonly RecurrentLayer backward;
    private Group[]? last;
    private RecurrentGradients? dForward;
    private RecurrentGradients? dBackward;

    /// <summary>An encoder over the given parts (not copied: training updates them).</summary>
    /// <param name="characters">The character vocabulary: the columns of C.</param>
    /// <param name="c">C (n_c, V_c).</param>
    /// <param name="forward">The left-to-right layer, n_x = n_c, n_y = 0.</param>
    /// <param name="backward">The right-to-left layer, same cell and sizes.</param>
    public CharacterEncoder(WordVocabulary characters, Embedding c, RecurrentLayer forward, RecurrentLayer backward)
    {
        ArgumentNullException.ThrowIfNull(characters);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        if (c.V != characters.Count || forward.Sizes != (c.nE, forward.Sizes.nA, 0) || backward.Sizes != forward.Sizes || backward.Cell != forward.Cell)
        {
            throw new ArgumentException($"the parts do not fit: C is {c.nE}x{c.V} for {characters.Count} characters, the layers' (n_x, n_a, n_y) are "
                + $"{forward.Sizes} and {backward.Sizes}; both need n_x = n_c and n_y = 0, the same cell and n_a.");
        }
        (Characters, C, this.forward, this.backward) = (characters, c, forward, backward);
    }

    /// <summary>A new encoder with seeded random weights, its characters those of <paramref name="words"/> seen at least <paramref name="minCount"/> times.</summary>
    /// <param name="words">The training tokens.</param>
    /// <param name="cell">The cell of both directions (an LSTM in Lample et al.).</param>
    /// <param name="nC">n_c, the size of a character's vector.</param>
    /// <param name="nA">n_ca, hidden units per direction.</param>
    /// <param name="minCount">How often a character must occur to get its own column of C; rarer ones share &lt;unk&gt;.</param>
    /// <param name="seed">The seed of every initial value.</param>
    /// <param name="scale">The standard deviation of C's initial values.</param>
    public static CharacterEncoder Create(IEnumerable<string> words, RecurrentCell cell, int nC, int nA, int minCount, int seed, double scale)
    {
        ArgumentNullException.ThrowIfNull(words);
        var characters = WordVocabulary.FromKeys(words.SelectMany(w => w.Select(ch => ch.ToString())), minCount);
        return new CharacterEncoder(characters, Embedding.Create(characters.Count, nC, seed, scale),
            RecurrentLayers.Create(cell, nC, nA, 0, seed + 1), RecurrentLayers.Create(cell, nC, nA, 0, seed + 2));
    }

    /// <summary>The character vocabulary (case kept: capitals carry information).</summary>
    public WordVocabulary Characters { get; }

    /// <summary>C (n_c, V_c), the character embedding.</summary>
    public Embedding C { get; }

    /// <summary>The cell of both directions.</summary>
    public RecurrentCell Cell => forward.Cell;

    /// <summary>n_c, n_ca (per direction).</summary>
    public (int nC, int nA) Sizes => (C.nE, forward.Sizes.nA);

    /// <summary>2 n_ca, the rows of r.</summary>
    public int OutputSize => 2 * forward.Sizes.nA;

    /// <summary>C, then each direction's cell weights ("forward.Wax", ..., "backward.Baa"); the empty output layers left out.</summary>
    public IReadOnlyList<ParameterView> Tensors =>
        [C.Tensors[0] with { Name = "C" }, .. Prefixed("forward", forward.Parameters.Tensors), .. Prefixed("backward", backward.Parameters.Tensors)];

    /// <summary>The gradients of the last <see cref="Backward"/> (zeros before one), in the order of <see cref="Tensors"/>.</summary>
    public IReadOnlyList<ParameterView> GradientTensors =>
        [C.GradientTensors[0] with { Name = "dC" }, .. Prefixed("forward", (dForward ?? forward.ZeroGradients()).Tensors),
         .. Prefixed("backward", (dBackward ?? backward.ZeroGradients()).Tensors)];

    /// <summary>The character ids of a word as read: at most <see cref="MaxCharacters"/>, at least one.</summary>
    /// <param name="word">A token as written.</param>
    public int[] IdsOf(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        string kept = word.Length <= MaxCharacters ? word : word[..(MaxCharacters / 2)] + word[^(MaxCharacters / 2)..];
        return kept.Length == 0 ? [WordVocabulary.UnknownId] : kept.Select(ch => Characters.IdOfKey(ch.ToString())).ToArray();
    }

    /// <summary>r (2 n_ca, W): column w is [a_fwd&lt;K_w&gt;; a_bwd&lt;1&gt;] of <paramref name="words"/>[w]. Keeps what <see cref="Backward"/> needs.</summary>
    /// <param name="words">W tokens, W &gt;= 1.</param>
    public Matrix Forward(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            throw new ArgumentException("no words to encode: need at least one.", nameof(words));
        }
        var ids = words.Select(IdsOf).ToArray();
        var r = new Matrix(OutputSize, words.Count);
        var groups = new List<Group>();
        int shorter = 0;
        foreach (int limit in GroupLimits)
        {
            int[] columns = Enumerable.Range(0, ids.Length).Where(w => ids[w].Length > shorter && ids[w].Length <= limit).ToArray();
            shorter = limit;
            if (columns.Length > 0)
            {
                groups.Add(Read(columns, columns.Select(w => ids[w]).ToArray(), r));
            }
        }
        last = [.. groups];
        return r;
    }

    /// <summary>Backpropagation from dL/dr (2 n_ca, W) of the last <see cref="Forward"/>: fills <see cref="GradientTensors"/>.</summary>
    /// <param name="dR">dL/dr, shape (2 n_ca, W).</param>
    public void Backward(Matrix dR)
    {
        ArgumentNullException.ThrowIfNull(dR);
        var groups = last ?? throw new InvalidOperationException("the character encoder has no forward pass yet: call Forward first.");
        int words = groups.Sum(g => g.Columns.Length);
        if (dR.Rows != OutputSize || dR.Cols != words)
        {
            throw new ArgumentException($"dR is {dR.Rows}x{dR.Cols}; expected (2 n_ca, W) = ({OutputSize}, {words}).", nameof(dR));
        }
        for (int i = 0; i < groups.Length; i++)
        {
            var (gForward, gBackward) = BackwardGroup(groups[i], dR, accumulate: i > 0);
            dForward = Sum(dForward, gForward, accumulate: i > 0, forward);
            dBackward = Sum(dBackward, gBackward, accumulate: i > 0, backward);
        }
    }

    /// <summary>Both directions over one group of words (their ids, at most the group's limit each), their r into <paramref name="r"/>'s columns.</summary>
    private Group Read(int[] columns, int[][] ids, Matrix r)
    {
        int[] lengths = ids.Select(w => w.Length).ToArray();
        var tokens = SequenceBatch.OneHotPadded(Characters.Count, ids, WordVocabulary.PadId);
        var reversed = SequenceBatch.OneHotPadded(Characters.Count, ids.Select(w => w.Reverse().ToArray()).ToArray(), WordVocabulary.PadId);
        var fwd = forward.Forward(C.Forward(tokens), null, null, null);
        var bwd = backward.Forward(C.Forward(reversed), null, null, null);
        int nA = forward.Sizes.nA;
        for (int c = 0; c < columns.Length; c++)
        {
            for (int i = 0; i < nA; i++)
            {
                r[i, columns[c]] = fwd.A(lengths[c])[i, c];      // a_fwd<K_w>
                r[nA + i, columns[c]] = bwd.A(lengths[c])[i, c]; // a_bwd<1>: the reversed pass's state after K_w characters
            }
        }
        return new Group(columns, tokens, reversed, lengths, fwd, bwd);
    }

    /// <summary>BPTT of one group from its columns of dR; dC from both readings, added to dC when <paramref name="accumulate"/>.</summary>
    private (RecurrentGradients Forward, RecurrentGradients Backward) BackwardGroup(Group g, Matrix dR, bool accumulate)
    {
        int nA = forward.Sizes.nA, m = g.Columns.Length;
        var dAForward = Enumerable.Range(0, g.Tokens.Length).Select(_ => new Matrix(nA, m)).ToArray();
        var dABackward = Enumerable.Range(0, g.Tokens.Length).Select(_ => new Matrix(nA, m)).ToArray();
        for (int c = 0; c < m; c++)
        {
            for (int i = 0; i < nA; i++)
            {
                dAForward[g.Lengths[c] - 1][i, c] = dR[i, g.Columns[c]];       // into a_fwd<K_w>
                dABackward[g.Lengths[c] - 1][i, c] = dR[nA + i, g.Columns[c]]; // into the reversed pass's state at K_w
            }
        }
        var gForward = forward.Backward(g.ForwardCache, null, new BackwardOptions { dAFromAbove = dAForward, ComputeDX = true });
        var gBackward = backward.Backward(g.BackwardCache, null, new BackwardOptions { dAFromAbove = dABackward, ComputeDX = true });
        C.Backward(g.Tokens, gForward.dX!, accumulate);           // dC from the left-to-right reading
        C.Backward(g.Reversed, gBackward.dX!, accumulate: true); // plus the right-to-left reading's
        return (gForward, gBackward);
    }

    /// <summary>The gradients of the groups so far: <paramref name="group"/>'s added to <paramref name="total"/> (or copied, for the first group).</summary>
    private static RecurrentGradients Sum(RecurrentGradients? total, RecurrentGradients group, bool accumulate, RecurrentLayer layer)
    {
        total ??= layer.ZeroGradients();
        var (into, from) = (total.Tensors, group.Tensors);
        for (int p = 0; p < into.Count; p++)
        {
            for (int i = 0; i < into[p].Values.Length; i++)
            {
                into[p].Values[i] = accumulate ? into[p].Values[i] + from[p].Values[i] : from[p].Values[i]; // dW = sum over the groups
            }
        }
        return total;
    }

    private static IEnumerable<ParameterView> Prefixed(string prefix, IReadOnlyList<ParameterView> views) =>
        views.Where(v => v.Values.Length > 0).Select(v => v with { Name = prefix + "." + v.Name });

    /// <summary>What a forward pass keeps of one group for its backward pass: the group's columns of r, its readings, lengths and caches.</summary>
    private sealed record Group(int[] Columns, SequenceBatch Tokens, SequenceBatch Reversed, int[] Lengths, RecurrentCache ForwardCache, RecurrentCache BackwardCache);
}
