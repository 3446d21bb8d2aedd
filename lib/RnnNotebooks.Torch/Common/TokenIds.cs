using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>
/// Token ids into TorchSharp: a padded (Tx, m) int64 batch with its lengths, and the check that every id is in the
/// vocabulary before nn.Embedding sees it (libtorch's own error for an index out of range names neither the id nor where it is).
/// </summary>
public static class TokenIds
{
    /// <summary>The target id <c>cross_entropy</c> skips (its <c>ignore_index</c>): the padding after a sequence's end.</summary>
    public const long Ignored = -100;

    /// <summary>Sequences of ids padded at the end with <paramref name="padId"/> to the longest, time first.</summary>
    /// <param name="sequences">m sequences, each with at least one id.</param>
    /// <param name="padId">The id written after a shorter sequence's end.</param>
    /// <param name="device">Where the ids go; the lengths stay on the CPU, as packing wants them.</param>
    /// <param name="parameter">The caller's parameter name, for the error message.</param>
    /// <returns>Ids (Tx, m) int64 and lengths T_x^(j), (m) int64.</returns>
    /// <exception cref="ArgumentException">No sequence, or an empty one (named by index).</exception>
    public static (Tensor Ids, Tensor Lengths) Padded(IReadOnlyList<IReadOnlyList<int>> sequences, long padId, Device device, string parameter)
    {
        ArgumentNullException.ThrowIfNull(sequences, parameter);
        if (sequences.Count == 0)
        {
            throw new ArgumentException("the batch is empty: it needs at least one sequence.", parameter);
        }
        if (sequences.Select((s, j) => (s, j)).FirstOrDefault(p => p.s.Count == 0) is { s: not null } empty)
        {
            throw new ArgumentException($"sequence {empty.j} of the batch has no tokens; every sequence needs at least one.", parameter);
        }
        int m = sequences.Count, tx = sequences.Max(s => s.Count);
        var ids = Enumerable.Repeat(padId, tx * m).ToArray();
        for (int j = 0; j < m; j++)
        {
            for (int t = 0; t < sequences[j].Count; t++)
            {
                ids[t * m + j] = sequences[j][t];                      // row t, column j: time first
            }
        }
        return (tensor(ids, [tx, m], int64, device), tensor(sequences.Select(s => (long)s.Count).ToArray(), int64));
    }

    /// <summary>Throws unless <paramref name="ids"/> is a non-empty (Tx, m) int64 tensor of ids in [0, <paramref name="vocabulary"/>).</summary>
    /// <param name="ids">The ids, (Tx, m).</param>
    /// <param name="vocabulary">V, the number of rows of the embedding.</param>
    /// <param name="parameter">The caller's parameter name, for the error message.</param>
    /// <exception cref="ArgumentException">Not two-dimensional int64, or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id outside [0, V): the message names it, its step t and sequence j.</exception>
    public static void Check(Tensor ids, long vocabulary, string parameter)
    {
        ArgumentNullException.ThrowIfNull(ids, parameter);
        if (ids.dim() != 2 || ids.dtype != int64)
        {
            throw new ArgumentException($"expected ids of shape (Tx, m) and type int64, got ({string.Join(", ", ids.shape)}) {ids.dtype}.", parameter);
        }
        if (ids.numel() == 0)
        {
            throw new ArgumentException($"the batch is empty: ids have shape ({string.Join(", ", ids.shape)}).", parameter);
        }
        using var scope = NewDisposeScope();
        var bad = ((ids < 0) | (ids >= vocabulary)).nonzero();
        if (bad.shape[0] > 0)
        {
            long t = bad[0, 0].item<long>(), j = bad[0, 1].item<long>();
            throw new ArgumentOutOfRangeException(parameter,
                $"id {ids[t, j].item<long>()} at step {t + 1} of sequence {j} is outside the vocabulary [0, {vocabulary}).");
        }
    }
}
