namespace RnnNotebooks;

/// <summary>
/// The slots of a recurrent step decoder: per slot the decoder's state s (n_a, 1) and, for an LSTM, its cell state
/// c (n_a, 1), made by <see cref="Reserve"/> and overwritten in place after that, with the checks every step needs.
/// </summary>
/// <param name="nA">n_a, the decoder's state size.</param>
/// <param name="hasCell">True when the cell keeps a cell state c&lt;t&gt; (an LSTM).</param>
internal sealed class StateSlots(int nA, bool hasCell)
{
    private Matrix[] s = [];
    private Matrix?[] c = [];

    /// <summary>How many slots there are.</summary>
    public int Count => s.Length;

    /// <summary>Makes at least <paramref name="slots"/> slots, keeping the states of those already there.</summary>
    public void Reserve(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slots);
        int old = s.Length;
        if (slots <= old)
        {
            return;
        }
        Array.Resize(ref s, slots);
        Array.Resize(ref c, slots);
        for (int i = old; i < slots; i++)
        {
            s[i] = new Matrix(nA, 1);
            c[i] = hasCell ? new Matrix(nA, 1) : null;
        }
    }

    /// <summary>s of a slot, (n_a, 1).</summary>
    public Matrix S(int slot) => s[slot];

    /// <summary>c of a slot, (n_a, 1), for an LSTM; null otherwise.</summary>
    public Matrix? C(int slot) => c[slot];

    /// <summary>state[slot] &lt;- (s0, c0), copied.</summary>
    public void Set(int slot, Matrix s0, Matrix? c0)
    {
        Check(slot, nameof(slot));
        s[slot].CopyFrom(s0);
        if (c0 is not null)
        {
            c[slot]!.CopyFrom(c0);
        }
    }

    /// <summary>state[slot] &lt;- the layer state's a&lt;t&gt; (and c&lt;t&gt;), copied.</summary>
    public void Store(LayerState work, int slot)
    {
        s[slot].CopyFrom(work.A);
        if (work.C is { } cell)
        {
            c[slot]!.CopyFrom(cell);
        }
    }

    /// <summary>Throws unless from and to are slots, previous a token in [0, n_y) and the span holds n_y values: the arguments of <see cref="IStepDecoder.Step"/>.</summary>
    public void CheckStep(int from, int previous, int to, ReadOnlySpan<double> logProbabilities, int nY)
    {
        Check(from, nameof(from));
        Check(to, nameof(to));
        if ((uint)previous >= (uint)nY)
        {
            throw new ArgumentOutOfRangeException(nameof(previous), $"y<t-1> is token {previous}; expected an id in [0, n_y) = [0, {nY}).");
        }
        Guard.Length(logProbabilities, nY, nameof(logProbabilities), "n_y");
    }

    /// <summary>Throws unless <paramref name="slot"/> is in [0, <see cref="Count"/>).</summary>
    public void Check(int slot, string name)
    {
        if ((uint)slot >= (uint)s.Length)
        {
            throw new ArgumentOutOfRangeException(name, $"slot {slot} is not in [0, {s.Length}): call Reserve(slots) with enough slots first.");
        }
    }
}
