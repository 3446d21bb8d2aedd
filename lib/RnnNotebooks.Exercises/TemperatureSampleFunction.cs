namespace RnnNotebooks.Exercises;

/// <summary>
/// The reader's draw from softmax(z / T) by the inverse of its cumulative distribution, as <see cref="Sampler.SampleLogits"/>
/// draws: p = softmax(z / T), and the index drawn is the first i with u &lt; p_0 + ... + p_i. T &lt; 1 sharpens p towards
/// the largest z, T &gt; 1 flattens it; T = 0 is the limit T → 0, the argmax of z (the first index among equal largest).
/// </summary>
/// <param name="z">The logits, length n_y.</param>
/// <param name="temperature">T ≥ 0.</param>
/// <param name="u">A uniform number in [0, 1).</param>
/// <returns>The index drawn, 0 .. n_y - 1.</returns>
public delegate int TemperatureSampleFunction(double[] z, double temperature, double u);
