using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>
/// BPTT of the encoder-decoders end to end (decoder, attention, both encoder directions) against central differences of
/// the loss, on random batches whose targets are masked after each sample's end.
/// </summary>
public class SequenceToSequenceGradientTests
{
    private const double Tolerance = 1e-6;

    /// <summary>m = 3 sources of Tx = 5 tokens, decoder inputs and targets of Ty = 4 steps, the last step masked for one sample.</summary>
    internal static (SequenceBatch X, SequenceBatch YIn, SequenceTargets Y) Batch(int nX, int nY, int seed)
    {
        var random = new Random(seed);
        int[][] Tokens(int steps, int size) => Enumerable.Range(0, steps).Select(_ => Enumerable.Range(0, 3).Select(_ => random.Next(size)).ToArray()).ToArray();
        var x = SequenceBatch.OneHot(nX, Tokens(5, nX));
        var yIn = SequenceBatch.OneHot(nY, Tokens(4, nY));
        var weights = Enumerable.Range(0, 4).Select(t => new[] { 1.0, 0.5, t == 3 ? 0.0 : 1.0 }).ToArray();
        return (x, yIn, SequenceTargets.ClassIndices(Tokens(4, nY), weights));
    }

    /// <summary>The model's gradients of one <see cref="Batch"/> against central differences of its loss.</summary>
    internal static IReadOnlyList<GradientCheckResult> Check(ISequenceToSequence model, int seed)
    {
        var (x, yIn, y) = Batch(model.SourceSize, model.TargetSize, seed);
        model.LossAndGradients(x, yIn, y);
        var gradients = model.GradientTensors.Select(g => g with { Values = (double[])g.Values.Clone() }).ToList();
        return GradientCheck.Run(model.Tensors, gradients, () => model.Loss(x, yIn, y));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_parameter_of_the_encoder_decoder_passes_the_gradient_check(int seed)
    {
        var results = Check(EncoderDecoder.Create(nX: 6, nA: 5, nY: 4, seed), seed);

        Assert.Equal(10, results.Count); // encoder and decoder: Waa, Wax, Wya, Ba, By each
        Assert.All(results, r => Assert.True(r.RelativeError < Tolerance, r.ToString()));
        Assert.True(results.Single(r => r.Name == "encoder.Waa").AnalyticNorm > 1e-4, "no gradient reached the encoder through dA0");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_parameter_of_the_attention_model_passes_the_gradient_check(int seed)
    {
        var results = Check(AttentionEncoderDecoder.Create(nX: 6, nA: 3, nAtt: 4, nY: 4, seed), seed);

        Assert.Equal(19, results.Count); // two encoder directions (5 each), Wd, We, v, and the decoder (5 and Wyc)
        Assert.All(results, r => Assert.True(r.RelativeError < Tolerance, r.ToString()));
        Assert.All(results.Where(r => r.Name is "attention.Wd" or "attention.We" or "attention.V" or "backward.Wax" or "decoder.Wyc"),
            r => Assert.True(r.AnalyticNorm > 1e-4, $"{r.Name} got no gradient"));
    }

    [Fact]
    public void A_wrong_attention_gradient_is_flagged()
    {
        var model = AttentionEncoderDecoder.Create(nX: 6, nA: 3, nAtt: 4, nY: 4, seed: 3);
        var (x, yIn, y) = Batch(6, 4, 3);
        model.LossAndGradients(x, yIn, y);
        var wrong = (double[])model.Attention.dWd.Data.Clone();
        wrong[2] += 1e-3;

        var flagged = GradientCheck.Compare("Wd", model.Attention.Wd.Data, wrong, () => model.Loss(x, yIn, y));

        Assert.True(flagged.RelativeError > 1e-4, flagged.ToString());
    }
}
