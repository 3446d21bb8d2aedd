using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>A byte-pair encoding as a translator's <c>.json</c> holds it: its alphabet and its merges, in order.</summary>
internal sealed record SubwordFile
{
    /// <summary>The single characters kept as symbols.</summary>
    public IReadOnlyList<string> Alphabet { get; init; } = [];

    /// <summary>The merges in the order learnt, each "left right".</summary>
    public IReadOnlyList<string> Merges { get; init; } = [];

    /// <summary>The file form of an encoding; null for none.</summary>
    public static SubwordFile? Of(BytePairEncoding? encoding) =>
        encoding is null ? null : new SubwordFile { Alphabet = encoding.Alphabet, Merges = encoding.Merges.Select(m => m.ToString()).ToList() };

    /// <summary>The encoding again.</summary>
    /// <exception cref="InvalidDataException">A merge or the alphabet is malformed (the message names <paramref name="path"/>).</exception>
    public BytePairEncoding ToEncoding(string path)
    {
        try
        {
            return new BytePairEncoding(Alphabet, Merges.Select(SubwordMerge.Parse).ToList());
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new InvalidDataException($"{path}: the byte-pair encoding is malformed: {e.Message}", e);
        }
    }
}
