using RnnNotebooks;
using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// What <c>&lt;name&gt;.json</c> holds beside the weights of a saved <see cref="Translator"/>: the model's kind and sizes,
/// both vocabularies by id, how text becomes tokens, and the longest output.
/// </summary>
internal sealed record TranslatorFile
{
    /// <summary>The value of <see cref="Format"/>.</summary>
    public const string FormatName = "rnnnotebooks-translator/1";

    /// <summary>Names this kind of file and its version.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>EncoderDecoder or Attention.</summary>
    public TranslatorKind Kind { get; init; }

    /// <summary>Characters or Words.</summary>
    public TokenLevel Level { get; init; }

    /// <summary>How text becomes tokens.</summary>
    public string Tokenisation { get; init; } = "";

    /// <summary>The recurrent cell of encoder and decoder: Rnn (what files written before cells could be chosen hold), Gru or Lstm.</summary>
    public RecurrentCell Cell { get; init; } = RecurrentCell.Rnn;

    /// <summary>g1 of every RNN (tanh) and g2 of the decoder (softmax).</summary>
    public string Activations { get; init; } = "g1 = tanh, g2 = softmax";

    /// <summary>n_a (per encoder direction for attention).</summary>
    public int nA { get; init; }

    /// <summary>n_att (0 without attention).</summary>
    public int nAtt { get; init; }

    /// <summary>The most output tokens, end token included.</summary>
    public int MaxOutputLength { get; init; }

    /// <summary>Source tokens by id.</summary>
    public IReadOnlyList<string> SourceTokens { get; init; } = [];

    /// <summary>Target tokens by id.</summary>
    public IReadOnlyList<string> TargetTokens { get; init; } = [];

    /// <summary>The source's byte-pair encoding (subwords only; null otherwise).</summary>
    public SubwordFile? SourceSubwords { get; init; }

    /// <summary>The target's byte-pair encoding (subwords only; null otherwise).</summary>
    public SubwordFile? TargetSubwords { get; init; }

    /// <summary>Writes PATH.safetensors and PATH.json.</summary>
    public static void Save(Translator translator, string path)
    {
        var (weights, config) = ModelFileJson.Paths(path);
        translator.Model.Save(weights, metadata: new Dictionary<string, string> { ["format"] = FormatName, ["kind"] = translator.Kind.ToString() });
        var file = new TranslatorFile
        {
            Kind = translator.Kind, Level = translator.Source.Level, Cell = translator.Cell,
            Tokenisation = Tokenisations[translator.Source.Level],
            SourceSubwords = SubwordFile.Of(translator.Source.Subwords), TargetSubwords = SubwordFile.Of(translator.Target.Subwords),
            nA = translator.Model is AttentionEncoderDecoder a ? a.nA : ((EncoderDecoder)translator.Model).nA,
            nAtt = translator.Model is AttentionEncoderDecoder b ? b.Attention.Sizes.nAtt : 0,
            MaxOutputLength = translator.MaxOutputLength, SourceTokens = translator.Source.Tokens, TargetTokens = translator.Target.Tokens,
        };
        ModelFileJson.Write(config, file);
    }

    /// <summary>Reads PATH.json, builds the model of its sizes and reads PATH.safetensors into it.</summary>
    public static Translator Load(string path)
    {
        var (weights, config) = ModelFileJson.Paths(path);
        var file = Read(config);
        var source = new TranslationVocabulary(file.SourceTokens, file.Level, Subwords(file, file.SourceSubwords, config));
        var target = new TranslationVocabulary(file.TargetTokens, file.Level, Subwords(file, file.TargetSubwords, config));
        int nX = source.Count, nY = target.Count, nA = file.nA;
        RecurrentParameters Zeros(int x, int a, int y) => RecurrentLayers.Zeros(file.Cell, x, a, y);
        ISequenceToSequence model = file.Kind == TranslatorKind.Attention
            ? new AttentionEncoderDecoder(Zeros(nX, nA, 0), Zeros(nX, nA, 0), new AdditiveAttention(2 * nA, 2 * nA, file.nAtt),
                Zeros(nY + 2 * nA, 2 * nA, nY), new Matrix(nY, 2 * nA))
            : new EncoderDecoder(Zeros(nX, nA, 0), Zeros(nY, nA, nY));
        model.LoadFrom(SafeTensors.Read(weights));
        return new Translator(model, file.Kind, source, target, file.MaxOutputLength);
    }

    private static readonly Dictionary<TokenLevel, string> Tokenisations = new()
    {
        [TokenLevel.Characters] = "one token per character (UTF-16 code unit), unknown ones as <unk>, then </s>",
        [TokenLevel.Words] = Words + "; unknown words as <unk>, then </s>",
        [TokenLevel.Subwords] = Words + "; each word split by byte-pair encoding (Sennrich et al. 2016: merges in order, ▁ ends a word, "
            + "a character not in the alphabet as its UTF-8 bytes ⟨0xHH⟩), then </s>",
    };

    private const string Words = "RnnNotebooks.Data.SentenceTokens: lower case, ’ as ', runs of letters/digits (keeping a final apostrophe: j') and single other characters";

    private static BytePairEncoding? Subwords(TranslatorFile file, SubwordFile? subwords, string path)
    {
        if (file.Level != TokenLevel.Subwords)
        {
            return null;
        }
        return subwords?.ToEncoding(path) ?? throw new InvalidDataException($"{path}: a translator of subwords needs SourceSubwords and TargetSubwords (alphabet and merges).");
    }

    private static TranslatorFile Read(string path) =>
        ModelFileJson.Read<TranslatorFile>(path, "translator", FormatName, file => file.Format);
}
