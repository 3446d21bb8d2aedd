namespace RnnNotebooks.Tasks;

/// <summary>
/// Inverted dropout on the word vectors during training: each value of x&lt;t&gt; = E[:, word&lt;t&gt;] is kept with
/// probability 1 - p and scaled by 1 / (1 - p), else set to 0, so its expectation is unchanged and prediction needs no
/// rescaling. With the mask d&lt;t&gt; (n_e, m) of values 0 or 1 / (1 - p):
/// <code>
/// x~&lt;t&gt; = d&lt;t&gt; ⊙ x&lt;t&gt;,        dL/dx&lt;t&gt; = d&lt;t&gt; ⊙ dL/dx~&lt;t&gt;
/// </code>
/// The draws come from the training's seeded generator, so the same seed gives the same masks.
/// </summary>
internal sealed class EmbeddingDropout
{
    private readonly Matrix[] masks;

    private EmbeddingDropout(Matrix[] masks) => this.masks = masks;

    /// <summary>Draws the masks for inputs x and applies them in place; null (and x untouched) for p = 0.</summary>
    /// <param name="x">Dense inputs, Tx steps of (n_e, m).</param>
    /// <param name="p">The probability of dropping a value, in [0, 1).</param>
    /// <param name="random">Draws the masks; needed when p &gt; 0.</param>
    /// <exception cref="ArgumentException">p is outside [0, 1), or p &gt; 0 without a Random.</exception>
    public static EmbeddingDropout? Apply(SequenceBatch x, double p, Random? random)
    {
        if (p == 0)
        {
            return null;
        }
        if (p is < 0 or >= 1 || double.IsNaN(p) || random is null)
        {
            throw new ArgumentException($"embedding dropout {p} needs a probability in [0, 1) and a Random to draw it (random is {(random is null ? "null" : "set")}).", nameof(p));
        }
        double keep = 1 / (1 - p);
        var masks = new Matrix[x.Length];
        for (int t = 1; t <= x.Length; t++)
        {
            var xt = x.DenseStep(t);
            var d = masks[t - 1] = new Matrix(xt.Rows, xt.Cols);
            for (int k = 0; k < d.Data.Length; k++)
            {
                d.Data[k] = random.NextDouble() < p ? 0 : keep;
                xt.Data[k] *= d.Data[k]; // x~<t> = d<t> ⊙ x<t>
            }
        }
        return new EmbeddingDropout(masks);
    }

    /// <summary>dL/dx&lt;t&gt; = d&lt;t&gt; ⊙ dL/dx~&lt;t&gt;, in place.</summary>
    /// <param name="dX">dL/dx~&lt;t&gt; at [t - 1], as the recurrent layer returned them.</param>
    public void Backward(IReadOnlyList<Matrix> dX)
    {
        for (int t = 0; t < masks.Length; t++)
        {
            var (d, g) = (masks[t].Data, dX[t].Data);
            for (int k = 0; k < d.Length; k++)
            {
                g[k] *= d[k];
            }
        }
    }
}
