namespace RnnNotebooks;

/// <summary>Seeded sampling from the model's output distribution, with a temperature.</summary>
/// <param name="seed">The seed: the same seed gives the same samples.</param>
public sealed class Sampler(int seed)
{
    private readonly Random random = Seeds.Random(seed);
    private double[]? tempered;

    /// <summary>Draws index i with probability p_i (the p_i are normalised here).</summary>
    public int Sample(ReadOnlySpan<double> probabilities)
    {
        double total = 0;
        foreach (double p in probabilities)
        {
            if (!(p >= 0) || !double.IsFinite(p))
            {
                throw new ArgumentException($"probabilities must be finite and >= 0; got {p}.", nameof(probabilities));
            }
            total += p;
        }
        if (!(total > 0))
        {
            throw new ArgumentException("probabilities sum to 0.", nameof(probabilities));
        }
        double u = random.NextDouble() * total;
        for (int i = 0; i < probabilities.Length; i++)
        {
            u -= probabilities[i];
            if (u < 0)
            {
                return i;
            }
        }
        return probabilities.Length - 1;
    }

    /// <summary>Draws from softmax(z / T): T &lt; 1 sharpens towards the most likely index, T &gt; 1 flattens.</summary>
    /// <param name="logits">z, the output layer's logits.</param>
    /// <param name="temperature">T &gt; 0.</param>
    public int SampleLogits(ReadOnlySpan<double> logits, double temperature)
    {
        if (!(temperature > 0) || !double.IsFinite(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the temperature must be finite and > 0.");
        }
        if (tempered is null || tempered.Length != logits.Length)
        {
            tempered = new double[logits.Length]; // kept: sampling token after token allocates nothing
        }
        var p = tempered;
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = logits[i] / temperature; // z / T
        }
        Activations.Apply(Activation.Softmax, p, p.Length, 1);
        return Sample(p);
    }

    /// <summary>
    /// Generates <paramref name="length"/> tokens from a one-hot model (n_x = n_y, softmax head), feeding
    /// each sampled token back as the next input, starting from <paramref name="firstToken"/>.
    /// </summary>
    /// <param name="model">The model: a layer of any cell, stepped with <see cref="RecurrentLayer.Step"/>.</param>
    /// <param name="firstToken">x&lt;1&gt;, in [0, n_x).</param>
    /// <param name="length">How many tokens to sample.</param>
    /// <param name="temperature">T &gt; 0.</param>
    /// <param name="a0">a&lt;0&gt;, shape (n_a, 1); null for zeros.</param>
    /// <returns>The sampled tokens (not including <paramref name="firstToken"/>).</returns>
    public int[] Generate(RecurrentLayer model, int firstToken, int length, double temperature = 1.0, Matrix? a0 = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var p = model.Parameters;
        if (model.G2 != Activation.Softmax || p.nX != p.nY)
        {
            throw new ArgumentException($"Generate needs a softmax model with n_x = n_y; this one has g2 = {model.G2}, n_x = {p.nX}, n_y = {p.nY}.", nameof(model));
        }
        var state = model.NewState();
        state.Reset(a0);
        var zy = new Matrix(p.nY, 1);
        var yHat = new Matrix(p.nY, 1);
        var tokens = new int[length];
        int token = firstToken;
        for (int t = 0; t < length; t++)
        {
            model.Step(new StepInput([token]), state);     // (a<t>[, c<t>]) = cell(x<t>, a<t-1>[, c<t-1>])
            model.Output(state.A, zy, yHat);                // z = Wya a<t> + by
            token = SampleLogits(zy.Data, temperature);     // x<t+1> ~ softmax(z / T)
            tokens[t] = token;
        }
        return tokens;
    }
}
