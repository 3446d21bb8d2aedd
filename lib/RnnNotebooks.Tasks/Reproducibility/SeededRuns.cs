namespace RnnNotebooks.Tasks;

/// <summary>
/// Short seeded trainings of every kind of model the course has, each reported as the SHA-256 of its parameters before
/// and after (as reproducible-training libraries such as RepDL report the initial and the trained model), for
/// <c>rnnbook repro</c> and its test: the same seed must give the same bits on every machine, whatever its vector width,
/// instruction set or operating system.
/// <list type="bullet">
/// <item>the core's RNN, GRU and LSTM, with m = 8 and m = 1, Adam, Adagrad and SGD, clipping, truncated BPTT (<see cref="CellRuns"/>);</item>
/// <item>the core's attention encoder-decoder and an LSTM translator on generated dates (<see cref="TranslationRuns"/>);</item>
/// <item>the NER tagger, the sentiment classifier, and the token language model on names and on music, on the bundled data (<see cref="ApplicationRuns"/>).</item>
/// </list>
/// Every training is tiny (about a second in all natively) so that the runs can be repeated under emulated vectors or
/// an emulated CPU.
/// </summary>
public static class SeededRuns
{
    /// <summary>Runs every training in a fixed order.</summary>
    /// <param name="seed">The seed of every piece of data, weight, minibatch order and sampler.</param>
    /// <param name="start">A folder inside the repository, to find its bundled data (data/) from; null: the running program's folder, then the current one.</param>
    /// <returns>One record per training, in order.</returns>
    /// <exception cref="DirectoryNotFoundException">No folder above <paramref name="start"/> holds RnnNotebooks.sln, so the bundled data is not found.</exception>
    public static IReadOnlyList<SeededRun> Run(int seed, string? start = null) =>
        [.. CellRuns.All(seed), .. TranslationRuns.All(seed), .. ApplicationRuns.All(seed, start)];
}
