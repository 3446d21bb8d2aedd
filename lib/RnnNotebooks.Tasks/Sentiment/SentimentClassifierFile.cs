
namespace RnnNotebooks.Tasks;

/// <summary>
/// What <c>&lt;name&gt;.json</c> holds beside the weights of a saved <see cref="SentimentClassifier"/>: the vocabulary by id,
/// the sizes and activations, and the rules a reader in another language would need (tokens, the empty text).
/// </summary>
internal sealed record SentimentClassifierFile
{
    /// <summary>The value of <see cref="Format"/>.</summary>
    public const string FormatName = "rnnnotebooks-sentiment-classifier/1";

    /// <summary>Names this kind of file and its version.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>The recurrent cell: Rnn (what files written before cells could be chosen hold), Gru or Lstm.</summary>
    public RecurrentCell Cell { get; init; } = RecurrentCell.Rnn;

    /// <summary>What the head reads (Last in files written before pooling could be chosen): with pooling, its weights are "head.Wya" (1, P n_a) and "head.By".</summary>
    public SentimentPooling Pooling { get; init; } = SentimentPooling.Last;

    /// <summary>g1 (the RNN's; Tanh for a GRU or LSTM).</summary>
    public Activation G1 { get; init; }

    /// <summary>g2 (always Sigmoid: yHat = p(positive)).</summary>
    public Activation G2 { get; init; } = Activation.Sigmoid;

    /// <summary>n_e = n_x.</summary>
    public int nE { get; init; }

    /// <summary>n_a.</summary>
    public int nA { get; init; }

    /// <summary>How a text becomes tokens.</summary>
    public string Tokenizer { get; init; } =
        "lower case; words of letters and digits (inner ' or -) and single punctuation marks; every negation (isn't, don't, can't, cannot, won't, dont, ...) as base + 'not'; clitics 's 're 've 'll 'd 'm apart";

    /// <summary>How a token becomes a vocabulary key.</summary>
    public string Normalisation { get; init; } = "lower case (invariant), every ASCII digit as 0; not in Words: <unk> (id 1)";

    /// <summary>What a text with no tokens gets.</summary>
    public string EmptyText { get; init; } = "sigmoid(by): yHat<0>, the output for a<0> = 0 before any word";

    /// <summary>The words by id (columns of E).</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>The description of a classifier.</summary>
    public static SentimentClassifierFile Describe(SentimentClassifier classifier) => new()
    {
        Cell = classifier.Cell, Pooling = classifier.Pooling, G1 = classifier.G1, nE = classifier.Sizes.nE, nA = classifier.Sizes.nA, Words = classifier.Words.Words,
    };

    /// <summary>Writes the description as indented UTF-8 JSON, making the folder when missing.</summary>
    public static void Write(string path, SentimentClassifierFile file) => ModelFileJson.Write(path, file);

    /// <summary>Reads a description, refusing another format (the message names the file).</summary>
    public static SentimentClassifierFile Read(string path) =>
        ModelFileJson.Read<SentimentClassifierFile>(path, "sentiment model", FormatName, file => file.Format);

    /// <summary>Throws unless the sizes agree with the loaded embedding and the vocabulary (the message names the file and the size).</summary>
    public void CheckFits(string path, Embedding e, WordVocabulary words)
    {
        if (e.nE != nE || e.V != words.Count)
        {
            throw new InvalidDataException(
                $"{path}: n_e = {nE} and V = {words.Count} words here, but words.E is ({e.nE}, {e.V}) in the weights; the two files do not belong together.");
        }
    }
}
