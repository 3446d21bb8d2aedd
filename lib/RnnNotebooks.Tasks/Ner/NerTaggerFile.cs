using System.Text.Json.Serialization;

namespace RnnNotebooks.Tasks;

/// <summary>
/// What <c>&lt;name&gt;.json</c> holds beside the weights of a saved <see cref="NerTagger"/>: what is needed to rebuild it
/// and to read the weights (vocabularies by id, tags by id, sizes, activations, direction, cell), plus the rules a reader in
/// another language would need (how words are normalised, the features).
/// </summary>
internal sealed record NerTaggerFile
{
    /// <summary>The value of <see cref="Format"/>: version 4 adds the members of an ensemble.</summary>
    public const string FormatName = "rnnnotebooks-ner-tagger/4";

    /// <summary>Version 3, still read: the document features, no ensemble.</summary>
    public const string FormatName3 = "rnnnotebooks-ner-tagger/3";

    /// <summary>Version 2, still read: the character encoder and the CRF, no document features.</summary>
    public const string FormatName2 = "rnnnotebooks-ner-tagger/2";

    /// <summary>Version 1, still read: a tagger without characters or CRF.</summary>
    public const string FormatName1 = "rnnnotebooks-ner-tagger/1";

    /// <summary>Names this kind of file and its version.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>LeftToRight or Bidirectional.</summary>
    public TaggerDirection Direction { get; init; }

    /// <summary>The recurrent cell: Rnn (what files written before cells could be chosen hold), Gru or Lstm.</summary>
    public RecurrentCell Cell { get; init; } = RecurrentCell.Rnn;

    /// <summary>g1 (the RNN's; Tanh for a GRU or LSTM).</summary>
    public Activation G1 { get; init; }

    /// <summary>g2 (always Softmax).</summary>
    public Activation G2 { get; init; } = Activation.Softmax;

    /// <summary>n_e, n_s, n_f, n_x, n_a.</summary>
    public int nE { get; init; }

    /// <summary>n_s.</summary>
    public int nS { get; init; }

    /// <summary>n_f.</summary>
    public int nF { get; init; }

    /// <summary>n_x = n_e + n_s + n_f.</summary>
    public int nX { get; init; }

    /// <summary>n_a per direction.</summary>
    public int nA { get; init; }

    /// <summary>How a token becomes a vocabulary key.</summary>
    public string Normalisation { get; init; } = "lower case (invariant), every ASCII digit as 0";

    /// <summary>What f&lt;t&gt; holds, in order.</summary>
    public string Features { get; init; } = "onehot(no letters, lower, Initial, ALL CAPS, mixed), has digit, has '-', has '.', first in sentence";

    /// <summary>How many final letters of the normalised word a suffix keeps.</summary>
    public int SuffixLength { get; init; } = WordFeatures.SuffixLength;

    /// <summary>The tags by id.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The words by id (columns of E).</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>The suffixes by id (columns of S).</summary>
    public IReadOnlyList<string> Suffixes { get; init; } = [];

    /// <summary>The character encoder; absent (null) for a tagger without one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CharacterEncoderFile? Characters { get; init; }

    /// <summary>
    /// Whether f&lt;t&gt; is followed by the n_d = 4 document features (capitalised elsewhere mid-sentence, lower case
    /// elsewhere, min(other occurrences, 4) / 4, first and capitalised elsewhere mid-sentence; "elsewhere": the other tokens
    /// of the sentence's document with the same normalised form). Absent in files before version 3: false.
    /// </summary>
    public bool DocumentFeatures { get; init; }

    /// <summary>A CRF over the logits (crf.A, crf.start, crf.end) decodes by Viterbi; false: argmax per token.</summary>
    public bool Crf { get; init; }

    /// <summary>
    /// The other members of an ensemble this tagger leads (<see cref="NerEnsemble.Save"/>): model names in this file's
    /// folder, without extension, each a tagger file of its own. Their emission scores and CRF parameters are averaged
    /// with this tagger's, then one Viterbi path (see <see cref="NerEnsemble"/>). Absent (null): one tagger.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Members { get; init; }

    /// <summary>The weights file and the description file of a model path given with or without either extension.</summary>
    public static (string Weights, string Config) Paths(string path) => ModelFileJson.Paths(path);

    /// <summary>The description of a tagger.</summary>
    public static NerTaggerFile Describe(NerTagger tagger, IReadOnlyList<string>? members = null)
    {
        var (nE, nS, nF, nX, nA, _) = tagger.Sizes;
        return new NerTaggerFile
        {
            Direction = tagger.Direction, Cell = tagger.Cell, G1 = tagger.G1, nE = nE, nS = nS, nF = nF, nX = nX, nA = nA,
            Tags = tagger.Tags, Words = tagger.Words.Words, Suffixes = tagger.Suffixes.Words,
            Characters = CharacterEncoderFile.Describe(tagger.Characters), Crf = tagger.Crf is not null, DocumentFeatures = tagger.ReadsDocuments,
            Members = members,
        };
    }

    /// <summary>Whether <paramref name="member"/> can name a member: a model name in the description's own folder (no folder, no '/' or '\\').</summary>
    public static bool IsMemberName(string member) =>
        !string.IsNullOrWhiteSpace(member) && member.IndexOfAny(['/', '\\']) < 0 && member is not ("." or "..");

    /// <summary>
    /// Before a model is saved at <paramref name="config"/>: deletes the files of the members that the description there
    /// lists and <paramref name="keep"/> does not, so that saving one tagger (or a smaller ensemble) over an ensemble leaves
    /// no member files that nothing lists. A missing or unreadable description is left alone (nothing known to delete).
    /// </summary>
    public static void RemoveUnlistedMembers(string config, IReadOnlyList<string>? keep)
    {
        if (!File.Exists(config))
        {
            return;
        }
        IReadOnlyList<string> listed;
        try
        {
            listed = Read(config).Members ?? [];
        }
        catch (InvalidDataException)
        {
            return;
        }
        string folder = Path.GetDirectoryName(Path.GetFullPath(config))!;
        foreach (string member in listed.Where(m => IsMemberName(m) && !(keep ?? []).Contains(m, StringComparer.Ordinal)))
        {
            var (weights, description) = Paths(Path.Combine(folder, member));
            File.Delete(weights);
            File.Delete(description);
        }
    }

    /// <summary>Writes the description as indented UTF-8 JSON, making the folder when missing.</summary>
    public static void Write(string path, NerTaggerFile file) => ModelFileJson.Write(path, file);

    /// <summary>Reads a description, refusing another format or a missing part (the message names the file).</summary>
    public static NerTaggerFile Read(string path) => ModelFileJson.Read<NerTaggerFile>(path, "NER model", [FormatName, FormatName3, FormatName2, FormatName1], file => file.Format);

    /// <summary>Throws unless the sizes agree with the loaded embeddings and the vocabularies (the message names the file and the size).</summary>
    public void CheckFits(string path, Embedding e, Embedding s, WordVocabulary words, WordVocabulary suffixes, CharacterEncoder? characters)
    {
        Check(path, "n_e (rows of words.E)", nE, e.nE);
        Check(path, "n_s (rows of suffixes.E)", nS, s.nE);
        Check(path, "V (columns of words.E)", words.Count, e.V);
        Check(path, "V_s (columns of suffixes.E)", suffixes.Count, s.V);
        Check(path, "n_f", WordFeatures.Count, nF);
        Check(path, "n_x = n_e + n_s + n_f + n_d + 2 n_ca", nE + nS + nF + (DocumentFeatures ? Tasks.DocumentFeatures.Count : 0) + (characters?.OutputSize ?? 0), nX);
    }

    private static void Check(string path, string what, int described, int found)
    {
        if (described != found)
        {
            throw new InvalidDataException($"{path}: {what} is {described} here but {found} in the weights or this library; the two files do not belong together.");
        }
    }
}
