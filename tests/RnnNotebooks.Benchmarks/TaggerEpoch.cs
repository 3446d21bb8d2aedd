using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using RnnNotebooks.Torch;

namespace RnnNotebooks.Benchmarks;

/// <summary>
/// The end-to-end row: one training epoch (minibatches of 16, Adam, clipping at 5) of notebook 04's bidirectional tagger
/// on the bundled set, the core's <see cref="NerTagger"/> against <see cref="TorchNerTagger"/> (nn.Embedding, nn.RNN
/// bidirectional over packed sequences, cross_entropy, torch.optim.Adam), same sizes, one thread each, interleaved.
/// </summary>
internal static class TaggerEpoch
{
    public static void Run(int rounds)
    {
        var train = NerSplits.SentencesOf(BundledNer.Load().Train);
        var options = new NerTaggerOptions { Direction = TaggerDirection.Bidirectional };
        var training = new NerTrainingOptions { Epochs = 1, BatchSize = 16 };
        var core = NerTagger.Create(train, options);
        using var torchTagger = TorchNerTagger.Create(train, options, RecurrentCell.Rnn);
        using var adam = TorchSharp.torch.optim.Adam(torchTagger.Module.parameters(), training.LearningRate);
        var random = new Random(1);
        void Core() => NerTraining.Train(core, train, null, training);
        void Torch() => torchTagger.TrainEpoch(NerTraining.Minibatches(train, training.BatchSize, random), adam, training.ClipNorm);
        Core();
        Torch();
        var coreTimes = new List<double>();
        var torchTimes = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            Stopwatches.Time(Core, 1, coreTimes);
            Stopwatches.Time(Torch, 1, torchTimes);
        }
        double c = Stopwatches.Median(coreTimes) / 1e3, t = Stopwatches.Median(torchTimes) / 1e3;
        Console.WriteLine($"One epoch of notebook 04's BiRNN tagger ({train.Count} sentences, {train.Sum(s => s.Length)} tokens, minibatches of 16), medians of {rounds} interleaved rounds:\n");
        Console.WriteLine("| model | RnnNotebooks (ms) | TorchSharp (ms) | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| NER tagger, BiRNN n_a = {options.nA}, epoch | {c:F0} | {t:F0} | {c / t:F2} |");
    }
}
