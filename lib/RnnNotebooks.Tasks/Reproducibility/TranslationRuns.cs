using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// Notebook 05's dates, character by character, to yyyy-mm-dd (<see cref="DateCorpus"/>, 160 generated pairs): the core's
/// <see cref="AttentionEncoderDecoder"/> trained by hand (teacher forcing, clipping, Adagrad), and a <see cref="Translator"/>
/// of LSTM cells through <see cref="TranslatorTraining"/> (Adam). One pass over the pairs each, in minibatches of up to
/// m = 8 sources of one length; each then rewrites a held-out date greedily.
/// </summary>
internal static class TranslationRuns
{
    private const int Pairs = 160;
    private const int BatchSize = 8;
    private const double ClipNorm = 5;

    /// <summary>The attention encoder-decoder, then the translator.</summary>
    /// <param name="seed">The seed of the dates, the weights and the minibatches.</param>
    public static IEnumerable<SeededRun> All(int seed)
    {
        var dates = DateCorpus.Generate(train: Pairs, heldOut: 1, seed);
        var pairs = dates.Train.Select(p => (p.Source, p.Target)).ToList();
        string heldOut = dates.Test[0].Source;
        yield return Attention(pairs, heldOut, seed);
        yield return LstmTranslator(pairs, heldOut, seed);
    }

    private static SeededRun Attention(IReadOnlyList<(string Input, string Output)> pairs, string heldOut, int seed)
    {
        var translator = Translator.Create(pairs, TranslatorKind.Attention, TokenLevel.Characters, nA: 8, nAtt: 8, seed);
        var model = translator.Model;
        string initial = ParameterHash.Sha256(model.Tensors);
        var optimizer = new Adagrad(0.05);
        var batches = TranslatorTraining.Batches(translator, pairs, BatchSize, Seeds.Random(seed));
        foreach (var (batch, _) in batches)
        {
            model.LossAndGradients(batch.X, batch.YIn, batch.Y);
            var gradients = model.GradientTensors;
            GradientClipping.ByGlobalNorm(gradients, ClipNorm);
            optimizer.Step(model.Tensors, gradients);
        }
        return new SeededRun("attention-dates", BatchSize, batches.Count, initial, ParameterHash.Sha256(model.Tensors), translator.Translate(heldOut));
    }

    private static SeededRun LstmTranslator(IReadOnlyList<(string Input, string Output)> pairs, string heldOut, int seed)
    {
        var translator = Translator.Create(pairs, TranslatorKind.EncoderDecoder, TokenLevel.Characters, nA: 16, nAtt: 0, seed, cell: RecurrentCell.Lstm);
        string initial = ParameterHash.Sha256(translator.Model.Tensors);
        var options = TranslatorTraining.Defaults with { Epochs = 1, BatchSize = BatchSize, ClipNorm = ClipNorm, Seed = seed };
        TranslatorTraining.Train(translator, pairs, options: options);
        int steps = TranslatorTraining.Batches(translator, pairs, BatchSize, random: null).Count;
        return new SeededRun("translator-lstm", BatchSize, steps, initial, ParameterHash.Sha256(translator.Model.Tensors), translator.Translate(heldOut));
    }
}
