using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests;

public sealed class TextWindowsTests
{
    [Fact]
    public void Targets_are_the_inputs_shifted_by_one_token_of_the_text()
    {
        int[] ids = Enumerable.Range(0, 40).Select(i => (i * 7) % 13).ToArray();
        var windows = new TextWindows(ids, 13, length: 5, batchSize: 3, seed: 1);

        var (x, y) = windows.Next();

        Assert.Equal((5, 3, 13), (x.Length, x.BatchSize, x.InputSize));
        Assert.Equal(5, y.Length);
        for (int j = 0; j < 3; j++)
        {
            var window = Enumerable.Range(1, 5).Select(t => x.Token(t, j)).ToArray();
            int s = Enumerable.Range(0, ids.Length - 5).First(s => ids.Skip(s).Take(5).SequenceEqual(window)); // x = ids[s .. s + 4]
            for (int t = 1; t <= 5; t++)
            {
                Assert.Equal(ids[s + t], y.Class(t, j)); // y<t> = the token after x<t>
            }
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_batches()
    {
        int[] ids = Enumerable.Range(0, 100).Select(i => i % 10).ToArray();
        var a = new TextWindows(ids, 10, 8, 4, seed: 3);
        var b = new TextWindows(ids, 10, 8, 4, seed: 3);

        for (int batch = 0; batch < 3; batch++)
        {
            var (xa, _) = a.Next();
            var (xb, _) = b.Next();
            for (int t = 1; t <= 8; t++)
            {
                Assert.Equal(xa.Tokens(t).ToArray(), xb.Tokens(t).ToArray());
            }
        }
    }

    [Fact]
    public void Bad_input_is_named()
    {
        Assert.Contains("needs at least T + 1 = 6", Assert.Throws<ArgumentException>(() => new TextWindows([1, 2, 3], 5, 5, 1, 0)).Message);
        Assert.Contains("ids[1] is 9", Assert.Throws<ArgumentOutOfRangeException>(() => new TextWindows([1, 9, 3, 0], 5, 2, 1, 0)).Message);
    }
}
