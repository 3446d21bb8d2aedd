namespace RnnNotebooks.Tasks;

/// <summary>
/// What <c>NAME.json</c> holds beside the weights of a saved <see cref="TokenLanguageModel"/>: the tokens by id (row i of
/// Wya and column i of Wax are token i), the sizes, the activations and the grammar.
/// </summary>
internal sealed record TokenModelFile
{
    /// <summary>The value of <see cref="Format"/>.</summary>
    public const string FormatName = "rnnnotebooks-token-model/1";

    /// <summary>Names this kind of file and its version.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>What the model generates: "names" or "music".</summary>
    public string Task { get; init; } = "";

    /// <summary>The recurrent cell: Rnn (what files written before cells could be chosen hold), Gru or Lstm.</summary>
    public RecurrentCell Cell { get; init; } = RecurrentCell.Rnn;

    /// <summary>g1 (the RNN's; Tanh for a GRU or LSTM).</summary>
    public Activation G1 { get; init; } = Activation.Tanh;

    /// <summary>g2 (always Softmax).</summary>
    public Activation G2 { get; init; } = Activation.Softmax;

    /// <summary>n_x = n_y = the number of tokens.</summary>
    public int nX { get; init; }

    /// <summary>n_a.</summary>
    public int nA { get; init; }

    /// <summary>Which token may follow which (<see cref="TokenGrammars"/>).</summary>
    public string Grammar { get; init; } = TokenGrammars.None;

    /// <summary>How a sequence is read and generated.</summary>
    public string Sequences { get; init; } = "x<1> = token 0 (<s>, the start); y<t> = x<t+1>; the sequence ends when <s> is the target or is drawn";

    /// <summary>The tokens by id; id 0 is &lt;s&gt;.</summary>
    public IReadOnlyList<string> Tokens { get; init; } = [];

    /// <summary>The weights file and the description file of a model path given with or without either extension.</summary>
    public static (string Weights, string Config) Paths(string path) => ModelFileJson.Paths(path);

    /// <summary>The description of a model.</summary>
    public static TokenModelFile Describe(TokenLanguageModel model, string task) => new()
    {
        Task = task, Cell = model.Cell, G1 = model.G1, nX = model.Vocabulary.Count, nA = model.Layer.Sizes.nA, Grammar = model.Grammar,
        Tokens = model.Vocabulary.Tokens,
    };

    /// <summary>Writes the description as indented UTF-8 JSON, making the folder when missing.</summary>
    public static void Write(string path, TokenModelFile file) => ModelFileJson.Write(path, file);

    /// <summary>Reads a description, refusing another format (the message names the file).</summary>
    public static TokenModelFile Read(string path)
    {
        var file = ModelFileJson.Read<TokenModelFile>(path, "token model", FormatName, f => f.Format);
        if (file.Tokens.Count == 0 || file.Tokens[0] != TokenVocabulary.Boundary)
        {
            throw new InvalidDataException($"{path}: the tokens must start with '{TokenVocabulary.Boundary}'.");
        }
        return file;
    }

    /// <summary>
    /// The parameters of a cell in a weights file (no prefix), at the file's own sizes (<see cref="RecurrentParameters.Load(string, string, RecurrentCell)"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">A tensor is missing or has another shape (the message names the file and tensor).</exception>
    public static RecurrentParameters LoadParameters(string weights, RecurrentCell cell) => RecurrentParameters.Load(weights, "", cell);

    /// <summary>Throws unless the sizes agree with the loaded weights (the message names the file and the size).</summary>
    public void CheckFits(string path, RecurrentParameters parameters, TokenVocabulary vocabulary)
    {
        if (parameters.nX != vocabulary.Count || parameters.nY != vocabulary.Count || parameters.nA != nA || nX != vocabulary.Count)
        {
            throw new InvalidDataException(
                $"{path}: describes n_x = n_y = {nX} ({vocabulary.Count} tokens) and n_a = {nA}, but the weights have n_x = {parameters.nX}, n_y = {parameters.nY}, n_a = {parameters.nA}; the two files do not belong together.");
        }
    }
}
