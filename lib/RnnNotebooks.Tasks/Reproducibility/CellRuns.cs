using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// The core's RNN, GRU and LSTM (<see cref="RecurrentLayers"/>, <see cref="Trainer"/>) trained as character models of the
/// generated story text of notebooks 02-03: windows of T = 12 characters, n_a = 16, 30 updates each (<see cref="CellRun.All"/>).
/// The RNN runs then sample 32 characters (<see cref="Sampler.Generate"/>).
/// </summary>
internal static class CellRuns
{
    private const int Steps = 30;
    private const int WindowLength = 12;
    private const int HiddenSize = 16;
    private const int SampleLength = 32;

    /// <summary>Every run of <see cref="CellRun.All"/>, in order.</summary>
    /// <param name="seed">The seed of the text, the weights, the windows and the sampler.</param>
    public static IEnumerable<SeededRun> All(int seed)
    {
        string text = StoryText.Generate(sentences: 60, seed);
        var vocabulary = CharVocabulary.FromText(text);
        var ids = vocabulary.Encode(text);
        return CellRun.All.Select(run => Train(run, ids, vocabulary, seed));
    }

    private static SeededRun Train(CellRun run, int[] ids, CharVocabulary vocabulary, int seed)
    {
        var layer = RecurrentLayers.Create(run.Cell, vocabulary.Size, HiddenSize, vocabulary.Size, seed);
        string initial = ParameterHash.Sha256(layer.Parameters.Tensors);
        var windows = new TextWindows(ids, vocabulary.Size, WindowLength, run.BatchSize, seed);
        var trainer = new Trainer(layer, run.Optimizer(), run.Options);
        for (int step = 0; step < Steps; step++)
        {
            var (x, y) = windows.Next();
            trainer.Step(x, y);
        }
        string? sample = layer is Rnn rnn ? vocabulary.Decode(new Sampler(seed).Generate(rnn, ids[0], SampleLength)) : null;
        return new SeededRun(run.Name, run.BatchSize, trainer.Steps, initial, ParameterHash.Sha256(layer.Parameters.Tensors), sample);
    }
}
