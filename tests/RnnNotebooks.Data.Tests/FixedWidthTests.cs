using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests;

public sealed class FixedWidthTests
{
    [Fact]
    public void Short_sentences_are_padded_and_long_ones_cut()
    {
        var (padded, none) = FixedWidth.PadOrTruncate([3, 4], 4, 0);
        Assert.Equal([3, 4, 0, 0], padded);
        Assert.Equal(0, none);
        var (tokens, cut) = FixedWidth.PadOrTruncate([1, 2, 3, 4, 5, 6], 4, 0);
        Assert.Equal([1, 2, 3, 4], tokens);
        Assert.Equal(2, cut);
    }

    [Fact]
    public void One_hot_columns_put_word_t_in_block_t()
    {
        var x = FixedWidth.OneHotColumns([[2, 1], [0, 1, 2, 2]], width: 3, nX: 3, padToken: 0);

        Assert.Equal((9, 2), x.Shape);
        Assert.Equal([0, 0, 1, 0, 1, 0, 1, 0, 0], x.Column(0)); // 2, 1, pad
        Assert.Equal([1, 0, 0, 0, 1, 0, 0, 0, 1], x.Column(1)); // 0, 1, 2 (the last 2 is cut)
    }

    [Fact]
    public void Bad_tokens_are_named()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FixedWidth.OneHotColumns([[0, 7]], 3, 3, 0));
        Assert.Contains("sentences[0] word 2 is token 7", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedWidth.OneHotColumns([[0]], 3, 3, padToken: 3));
    }
}
