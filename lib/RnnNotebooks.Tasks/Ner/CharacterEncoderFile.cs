namespace RnnNotebooks.Tasks;

/// <summary>What a saved <see cref="NerTagger"/>'s description holds about its <see cref="CharacterEncoder"/> (weights under "chars.").</summary>
internal sealed record CharacterEncoderFile
{
    /// <summary>The cell of both directions.</summary>
    public RecurrentCell Cell { get; init; } = RecurrentCell.Lstm;

    /// <summary>n_c (rows of chars.C).</summary>
    public int nC { get; init; }

    /// <summary>n_ca, hidden units per direction; r adds 2 n_ca to n_x.</summary>
    public int nCA { get; init; }

    /// <summary>How many characters of a word are read: its first and last half of them.</summary>
    public int MaxCharacters { get; init; } = CharacterEncoder.MaxCharacters;

    /// <summary>The characters by id (columns of chars.C).</summary>
    public IReadOnlyList<string> Characters { get; init; } = [];

    /// <summary>The description of an encoder; null for none.</summary>
    public static CharacterEncoderFile? Describe(CharacterEncoder? encoder) => encoder is null ? null : new()
    {
        Cell = encoder.Cell, nC = encoder.Sizes.nC, nCA = encoder.Sizes.nA, Characters = encoder.Characters.Words,
    };

    /// <summary>The encoder saved under <paramref name="prefix"/> in <paramref name="file"/>, its sizes from this description.</summary>
    /// <exception cref="InvalidDataException">A tensor is missing or has another shape, or the file reads another number of characters (the message names it).</exception>
    public CharacterEncoder Load(SafeTensorsFile file, string prefix, string path)
    {
        if (MaxCharacters != CharacterEncoder.MaxCharacters)
        {
            throw new InvalidDataException($"{path}: the model reads {MaxCharacters} characters of a word; this library reads {CharacterEncoder.MaxCharacters}.");
        }
        var c = new Embedding(new Matrix(nC, Characters.Count)); // filled, shape checked, by LoadFrom
        var forward = RecurrentLayers.Over(RecurrentLayers.Zeros(Cell, nC, nCA, 0));
        var backward = RecurrentLayers.Over(RecurrentLayers.Zeros(Cell, nC, nCA, 0));
        var encoder = new CharacterEncoder(new WordVocabulary(Characters), c, forward, backward);
        encoder.LoadFrom(file, prefix);
        return encoder;
    }
}
