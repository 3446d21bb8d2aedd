namespace RnnNotebooks.Tasks;

/// <summary>
/// Dropout on the tagger's input (Lample et al. 2016 use p = 0.5 there): in training each value of x&lt;t&gt; is kept with
/// probability 1 - p and then scaled by 1 / (1 - p), else set to 0, so the expected input is unchanged and no prediction
/// may lean on one feature alone. The same mask multiplies dx&lt;t&gt; in the backward pass. Prediction uses no dropout.
/// </summary>
internal sealed class InputDropout
{
    private readonly double p;
    private readonly Random random;
    private Matrix[] masks = [];

    private InputDropout(double p, Random random) => (this.p, this.random) = (p, random);

    /// <summary>Dropout with probability p; null for p = 0.</summary>
    /// <param name="p">The probability of dropping a value, in [0, 1).</param>
    /// <param name="random">Draws the masks; needed when p &gt; 0.</param>
    /// <exception cref="ArgumentException">p is outside [0, 1), or p &gt; 0 without a Random.</exception>
    public static InputDropout? Of(double p, Random? random)
    {
        if (p == 0)
        {
            return null;
        }
        if (p is < 0 or >= 1 || random is null)
        {
            throw new ArgumentException($"input dropout {p} needs a probability in [0, 1) and a Random to draw it (random is {(random is null ? "null" : "set")}).", nameof(p));
        }
        return new InputDropout(p, random);
    }

    /// <summary>x&lt;t&gt; = mask&lt;t&gt; * x&lt;t&gt; in place, mask&lt;t&gt; holding 0 or 1 / (1 - p), drawn row by row, step by step.</summary>
    /// <param name="x">x&lt;t&gt; at [t - 1], (n_x, m) each.</param>
    public void Apply(Matrix[] x)
    {
        double keep = 1 / (1 - p);
        masks = new Matrix[x.Length];
        for (int t = 0; t < x.Length; t++)
        {
            masks[t] = new Matrix(x[t].Rows, x[t].Cols);
            for (int i = 0; i < x[t].Data.Length; i++)
            {
                masks[t].Data[i] = random.NextDouble() < p ? 0 : keep;
                x[t].Data[i] *= masks[t].Data[i];
            }
        }
    }

    /// <summary>dx&lt;t&gt; = mask&lt;t&gt; * dL/d(mask x)&lt;t&gt; in place, with the masks of the last <see cref="Apply"/>.</summary>
    /// <param name="dX">dL/dx&lt;t&gt; at [t - 1] as the recurrent layer returned it.</param>
    public void Backward(IReadOnlyList<Matrix> dX)
    {
        for (int t = 0; t < dX.Count; t++)
        {
            for (int i = 0; i < dX[t].Data.Length; i++)
            {
                dX[t].Data[i] *= masks[t].Data[i];
            }
        }
    }
}
