using RnnNotebooks.Tasks;

namespace RnnNotebooks.Cli;

/// <summary>
/// The tasks <c>rnnbook predict</c> answers: each names the notebook that trains and saves its model under
/// <c>out/models/</c>, and turns one input line into one answer line with the loaded model.
/// </summary>
internal static class TaskModels
{
    /// <summary>One task: its name, its notebook, and how a loaded model answers a line.</summary>
    /// <param name="Name">The task's name on the command line.</param>
    /// <param name="Notebook">The notebook that saves its model.</param>
    /// <param name="Load">Loads the model from a path and returns what answers one line.</param>
    internal sealed record TaskModel(string Name, string Notebook, Func<string, Func<string, string>> Load)
    {
        /// <summary>The default model under the repository's output folder: out/models/NAME.safetensors.</summary>
        public string DefaultPath(string outputFolder) => Path.Combine(outputFolder, "models", Name + ".safetensors");
    }

    private static readonly TaskModel[] All =
    [
        new("ner", "notebooks/04-many-to-many-ner.ipynb", LoadNer),
        new("dates", "notebooks/05-many-to-many-translation.ipynb", LoadTranslator),
        new("translate", "notebooks/05-many-to-many-translation.ipynb", LoadTranslator),
    ];

    /// <summary>The known tasks' names.</summary>
    public static IEnumerable<string> Names => All.Select(task => task.Name);

    /// <summary>The task named <paramref name="name"/>, or null.</summary>
    public static TaskModel? Find(string name) => All.FirstOrDefault(task => task.Name == name?.Trim().ToLowerInvariant());

    /// <summary>NER: tokens separated by spaces in, IOB2 tags separated by spaces out; an empty line gives an empty line.</summary>
    private static Func<string, string> LoadNer(string path)
    {
        var tagger = NerTagger.Load(path);
        return line =>
        {
            var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return tokens.Length == 0 ? "" : string.Join(' ', tagger.Predict(tokens));
        };
    }

    /// <summary>
    /// dates (a date as people write it -> yyyy-mm-dd) and translate (an English sentence -> French, tokens separated by
    /// spaces): the saved translator's greedy output. Unknown characters or words are read as &lt;unk&gt;, so every line, even
    /// an empty one or one that is no date at all, gets the model's best guess, never an error.
    /// </summary>
    private static Func<string, string> LoadTranslator(string path)
    {
        var translator = Translator.Load(path);
        return line => translator.Translate(line.Trim());
    }
}
