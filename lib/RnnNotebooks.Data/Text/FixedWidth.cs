namespace RnnNotebooks.Data;

/// <summary>
/// What a standard (feed-forward) network needs to read a sentence: a fixed width T. Shorter sentences are
/// padded, longer ones cut, and the T one-hot vectors are laid end to end as one input of T n_x values.
/// </summary>
public static class FixedWidth
{
    /// <summary>
    /// <paramref name="tokens"/> padded with <paramref name="padToken"/> or cut to exactly <paramref name="width"/>
    /// tokens; <c>Cut</c> is how many tokens were dropped from the end.
    /// </summary>
    public static (int[] Tokens, int Cut) PadOrTruncate(IReadOnlyList<int> tokens, int width, int padToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var fixedWidth = new int[width];
        for (int t = 0; t < width; t++)
        {
            fixedWidth[t] = t < tokens.Count ? tokens[t] : padToken;
        }
        return (fixedWidth, Math.Max(0, tokens.Count - width));
    }

    /// <summary>
    /// m sentences as a (T n_x, m) matrix: column j holds sentence j padded or cut to T = <paramref name="width"/>
    /// tokens, word t one-hot in rows (t - 1) n_x .. t n_x - 1.
    /// </summary>
    /// <param name="sentences">m token sequences, ids in [0, n_x).</param>
    /// <param name="width">T, the fixed width.</param>
    /// <param name="nX">n_x, the vocabulary size.</param>
    /// <param name="padToken">The id written after the end of a shorter sentence.</param>
    public static Matrix OneHotColumns(IReadOnlyList<IReadOnlyList<int>> sentences, int width, int nX, int padToken)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nX);
        if ((uint)padToken >= (uint)nX)
        {
            throw new ArgumentOutOfRangeException(nameof(padToken), padToken, $"padToken {padToken} is not in [0, n_x) = [0, {nX}).");
        }
        var x = new Matrix(width * nX, sentences.Count);
        for (int j = 0; j < sentences.Count; j++)
        {
            var (tokens, _) = PadOrTruncate(sentences[j], width, padToken);
            for (int t = 0; t < width; t++)
            {
                if ((uint)tokens[t] >= (uint)nX)
                {
                    throw new ArgumentOutOfRangeException(nameof(sentences), tokens[t],
                        $"sentences[{j}] word {t + 1} is token {tokens[t]}; expected an index in [0, n_x) = [0, {nX}).");
                }
                x[t * nX + tokens[t], j] = 1.0; // x<t+1> one-hot, in block t
            }
        }
        return x;
    }

    /// <summary>m sequences of values as a (T, m) matrix, padded with <paramref name="pad"/> or cut to T = <paramref name="width"/>.</summary>
    public static Matrix Columns(IReadOnlyList<IReadOnlyList<int>> values, int width, int pad)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var y = new Matrix(width, values.Count);
        for (int j = 0; j < values.Count; j++)
        {
            var (column, _) = PadOrTruncate(values[j], width, pad);
            for (int t = 0; t < width; t++)
            {
                y[t, j] = column[t];
            }
        }
        return y;
    }
}
