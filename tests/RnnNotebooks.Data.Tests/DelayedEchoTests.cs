using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests;

public sealed class DelayedEchoTests
{
    [Fact]
    public void Targets_echo_the_input_d_steps_back_and_the_first_d_steps_do_not_count()
    {
        var (x, y) = new DelayedEcho(symbols: 5, length: 12, delay: 3, seed: 1).Next(4);

        Assert.Equal((12, 4, 5), (x.Length, x.BatchSize, x.InputSize));
        for (int j = 0; j < 4; j++)
        {
            for (int t = 1; t <= 12; t++)
            {
                Assert.Equal(t > 3 ? 1.0 : 0.0, y.Weight(t, j));
                if (t > 3)
                {
                    Assert.Equal(x.Token(t - 3, j), y.Class(t, j));
                }
            }
        }
        var symbolsSeen = Enumerable.Range(1, 12).SelectMany(t => x.Tokens(t).ToArray()).Distinct().Count();
        Assert.True(symbolsSeen >= 4, $"only {symbolsSeen} of 5 symbols in 48 draws");
    }

    [Fact]
    public void The_same_seed_gives_the_same_batches()
    {
        var a = new DelayedEcho(4, 10, 2, seed: 5);
        var b = new DelayedEcho(4, 10, 2, seed: 5);
        for (int batch = 0; batch < 3; batch++)
        {
            var (xa, _) = a.Next(8);
            var (xb, _) = b.Next(8);
            Assert.All(Enumerable.Range(1, 10), t => Assert.Equal(xa.Tokens(t).ToArray(), xb.Tokens(t).ToArray()));
        }
    }

    [Fact]
    public void A_length_not_beyond_the_delay_is_refused()
    {
        Assert.Contains("must be more than the delay d = 4", Assert.Throws<ArgumentOutOfRangeException>(() => new DelayedEcho(4, 4, 4, 0)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DelayedEcho(1, 10, 2, 0));
    }
}
