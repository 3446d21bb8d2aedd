using RnnNotebooks.Engine;
using RnnNotebooks.Tasks;

namespace RnnNotebooks.Cli;

/// <summary>
/// The tasks <c>rnnbook predict</c> answers and <c>rnnbook generate</c> writes: each names the notebook that trains and
/// saves its model under <c>out/models/</c>; a predict task turns one input line into one answer line with the loaded model.
/// </summary>
internal static class TaskModels
{
    /// <summary>One task: its name, its notebook, and how a loaded model answers a line.</summary>
    /// <param name="Name">The task's name on the command line.</param>
    /// <param name="Notebook">The notebook that saves its model.</param>
    /// <param name="Load">Loads the model from a path and returns how it answers the lines (the lines as one document when asked: ner only); null for a generate task.</param>
    internal sealed record TaskModel(string Name, string Notebook, Func<string, bool, LineAnswers>? Load)
    {
        /// <summary>The default model under the repository's output folder: out/models/NAME.safetensors.</summary>
        public string DefaultPath(string outputFolder) => Path.Combine(outputFolder, "models", Name + ".safetensors");
    }

    private static readonly TaskModel[] All =
    [
        new("ner", "notebooks/04-many-to-many-ner.ipynb", LoadNer),
        new("dates", "notebooks/05-many-to-many-translation.ipynb", (path, _) => LineAnswers.PerLine(LoadTranslator(path, k: 1))),
        new("translate", "notebooks/05-many-to-many-translation.ipynb", (path, _) => LineAnswers.PerLine(LoadTranslator(path, TatoebaTranslator.BeamWidth))),
        new("sentiment", "notebooks/06-many-to-one-sentiment.ipynb", (path, _) => LineAnswers.PerLine(LoadSentiment(path))),
        new("names", "notebooks/07-one-to-many-generation.ipynb", null),
        new("music", "notebooks/07-one-to-many-generation.ipynb", null),
    ];

    /// <summary>The known predict tasks' names.</summary>
    public static IEnumerable<string> Names => All.Where(task => task.Load is not null).Select(task => task.Name);

    /// <summary>The known generate tasks' names.</summary>
    public static IEnumerable<string> GenerativeNames => All.Where(task => task.Load is null).Select(task => task.Name);

    /// <summary>The predict task named <paramref name="name"/>, or null.</summary>
    public static TaskModel? Find(string name) => Named(name) is { Load: not null } task ? task : null;

    /// <summary>The generate task named <paramref name="name"/>, or null.</summary>
    public static TaskModel? FindGenerative(string name) => Named(name) is { Load: null } task ? task : null;

    private static TaskModel? Named(string name) => All.FirstOrDefault(task => task.Name == name?.Trim().ToLowerInvariant());

    /// <summary>
    /// The model file to load: <paramref name="model"/>, else out/models/TASK.safetensors in the repository around the
    /// working directory; null (after writing which notebook makes it to <paramref name="errors"/>) when it does not exist.
    /// </summary>
    /// <param name="task">The task.</param>
    /// <param name="model">The --model option, or null.</param>
    /// <param name="errors">Where the missing model is reported.</param>
    /// <param name="command">The command, for the message: "predict".</param>
    public static string? ResolveModel(TaskModel task, string? model, TextWriter errors, string command)
    {
        var path = model ?? (RepositoryLayout.TryFind(Environment.CurrentDirectory) is { } repository ? task.DefaultPath(repository.OutputFolder) : null);
        if (path is null || !File.Exists(Path.ChangeExtension(path, ".safetensors")))
        {
            errors.WriteLine($"rnnbook {command} {task.Name}: no model at {path ?? $"out/models/{task.Name}.safetensors"}. " +
                $"{task.Notebook} trains and saves it (rnnbook run {task.Notebook}); or pass --model FILE.");
            return null;
        }
        return path;
    }

    /// <summary>
    /// NER: tokens separated by spaces in, IOB2 tags separated by spaces out; an empty line gives an empty line. Each line
    /// is answered as it comes, unless the lines are one document: asked for (<paramref name="document"/>: the lines are
    /// then tagged together and <see cref="LabelConsistency"/> gives every mention of the same words the type most of its
    /// mentions got), or needed by a tagger with document features (<see cref="NerTagger.ReadsDocuments"/>, not the
    /// notebook's). Those answer when the input ends.
    /// </summary>
    private static LineAnswers LoadNer(string path, bool document)
    {
        var members = NerEnsemble.LoadMembers(path); // one tagger, or the members of an ensemble its file lists
        var tag = members.Count == 1 ? members[0].Predict : Ensemble(new NerEnsemble(members));
        static string[] Tokens(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (!members.Any(m => m.ReadsDocuments) && !document)
        {
            return LineAnswers.PerLine(line => Tokens(line) is { Length: > 0 } tokens ? string.Join(' ', tag([tokens])[0]) : "");
        }
        return LineAnswers.Together(lines =>
        {
            var tokens = lines.Select(Tokens).ToArray();
            var sentences = tokens.Where(t => t.Length > 0).ToArray();
            var tags = sentences.Length == 0 ? [] : tag(sentences); // the non-empty lines, one document
            if (document && sentences.Length > 0)
            {
                tags = LabelConsistency.Apply(Article(sentences), tags); // each mention: the majority type of its words in the article (no gold tag is read)
            }
            int next = 0;
            return tokens.Select(t => t.Length == 0 ? "" : string.Join(' ', tags[next++])).ToList();
        });
    }

    /// <summary>An ensemble's tags of token lists read as one document (what <see cref="NerTagger.Predict(IReadOnlyList{IReadOnlyList{string}})"/> does for one tagger).</summary>
    private static Func<IReadOnlyList<IReadOnlyList<string>>, IReadOnlyList<IReadOnlyList<string>>> Ensemble(NerEnsemble ensemble) => sentences =>
        ensemble.Predict(Article(sentences));

    /// <summary>Untagged token lists as the sentences of one article (their tags all O: no gold tag is read).</summary>
    private static List<Data.NerSentence> Article(IReadOnlyList<IReadOnlyList<string>> sentences) =>
        sentences.Select(t => new Data.NerSentence(t, t.Select(_ => "O").ToArray()) { Document = sentences }).ToList();

    /// <summary>
    /// Sentiment: a sentence in, "1" or "0" (positive when p &gt;= 0.5), a tab and p(positive) with 4 decimals out. Unknown
    /// words are read as &lt;unk&gt;. An empty line (no tokens) answers sigmoid(by), the model's yHat&lt;0&gt; before any word:
    /// its prior, not a crash and not a silent blank.
    /// </summary>
    private static Func<string, string> LoadSentiment(string path)
    {
        var classifier = SentimentClassifier.Load(path);
        return line =>
        {
            double p = classifier.Predict(line);
            return $"{(p >= 0.5 ? 1 : 0)}\t{p.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)}";
        };
    }

    /// <summary>
    /// dates (a date as people write it -> yyyy-mm-dd) and translate (an English sentence -> French, tokens separated by
    /// spaces): the saved translator's output, greedy (k = 1: on dates beam search changes nothing) or by beam search of
    /// width k (the sentences: notebook 05 measures it above greedy at every seed). Unknown characters or words are read as
    /// &lt;unk&gt; (the translator's subwords go down to bytes), so every line that is no date or no English at all gets the
    /// model's best guess, never an error. An empty or blank line gets an empty line, as in ner: there is nothing to
    /// rewrite, and a decoder given no input writes only its habit (notebook 05's date model wrote "105", the translator
    /// "bonjour ."); the answers stay line for line with the input.
    /// </summary>
    private static Func<string, string> LoadTranslator(string path, int k)
    {
        var translator = Translator.Load(path);
        return line => string.IsNullOrWhiteSpace(line) ? "" : translator.Translate(line.Trim(), k);
    }
}
