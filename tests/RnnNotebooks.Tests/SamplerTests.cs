using RnnNotebooks;

namespace RnnNotebooks.Tests;

public class SamplerTests
{
    [Fact]
    public void Frequencies_follow_the_probabilities()
    {
        var sampler = new Sampler(seed: 1);
        double[] p = [0.1, 0.6, 0.3];
        var counts = new int[3];
        for (int i = 0; i < 30_000; i++)
        {
            counts[sampler.Sample(p)]++;
        }
        for (int k = 0; k < 3; k++)
        {
            // binomial standard deviation is at most sqrt(30000 * 0.25) ≈ 87: allow 5 of them
            Assert.InRange(counts[k], 30_000 * p[k] - 430, 30_000 * p[k] + 430);
        }
    }

    [Fact]
    public void Low_temperature_picks_the_most_likely_and_high_temperature_flattens()
    {
        double[] logits = [1.0, 2.0, 0.5];
        var sampler = new Sampler(seed: 2);
        Assert.All(Enumerable.Range(0, 200), _ => Assert.Equal(1, sampler.SampleLogits(logits, 0.01)));
        var counts = new int[3];
        for (int i = 0; i < 30_000; i++)
        {
            counts[sampler.SampleLogits(logits, 100)]++;
        }
        Assert.All(counts, c => Assert.InRange(c, 9_000, 11_000)); // nearly uniform
    }

    [Fact]
    public void Same_seed_same_text()
    {
        var model = Rnn.Create(6, 8, 6, seed: 5);
        var first = new Sampler(42).Generate(model, firstToken: 0, length: 50, temperature: 0.8);
        var second = new Sampler(42).Generate(model, firstToken: 0, length: 50, temperature: 0.8);
        Assert.Equal(first, second);
        Assert.Equal(50, first.Length);
        Assert.All(first, token => Assert.InRange(token, 0, 5));
    }

    [Fact]
    public void Bad_temperatures_and_models_are_refused()
    {
        var sampler = new Sampler(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => sampler.SampleLogits([1.0, 2.0], 0));
        var e = Assert.Throws<ArgumentException>(() => sampler.Generate(Rnn.Create(3, 4, 2, 1), 0, 5));
        Assert.Contains("n_x = n_y", e.Message);
    }
}
