using System.Globalization;
using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// The application models of notebooks 04, 06 and 07 on their bundled data, each through its own training entry point
/// with a tiny budget (a few minibatches of a small subset, small sizes): the NER tagger with a bidirectional head,
/// the sentiment classifier (the note's RNN, and a GRU with a pooled head and word-vector dropout), and the token
/// language model on names and on music. Each then tags, scores or samples.
/// </summary>
internal static class ApplicationRuns
{
    private const int BatchSize = 8;
    private const int Sentences = 64;

    /// <summary>NER, sentiment, pooled GRU sentiment, names, music, in that order.</summary>
    /// <param name="seed">The seed of the weights, the minibatches, the word dropout and the samplers.</param>
    /// <param name="start">Where to look for the repository's data/ (walking up); null: the running program's folder, then the current one.</param>
    /// <exception cref="DirectoryNotFoundException">No folder above <paramref name="start"/> holds RnnNotebooks.sln.</exception>
    public static IEnumerable<SeededRun> All(int seed, string? start)
    {
        yield return Ner(seed, start);
        yield return Sentiment(seed, start);
        yield return PooledSentiment(seed, start);
        yield return Names(seed, start);
        yield return Music(seed, start);
    }

    private static SeededRun Ner(int seed, string? start)
    {
        var splits = BundledNer.Load(BundledNer.FindFolder(start));
        var train = NerSplits.SentencesOf(splits.Train);
        var tagger = NerTagger.Create(train, new NerTaggerOptions { Direction = TaggerDirection.Bidirectional, nE = 8, nS = 4, nA = 8, Seed = seed });
        string initial = ParameterHash.Sha256(tagger.Tensors);
        var options = new NerTrainingOptions { Epochs = 1, BatchSize = BatchSize, WordDropout = 0.1, Seed = seed };
        NerTraining.Train(tagger, train.Take(Sentences).ToList(), options: options);
        var test = NerSplits.SentencesOf(splits.Test)[0];
        return new SeededRun("ner-birnn", BatchSize, Sentences / BatchSize, initial, ParameterHash.Sha256(tagger.Tensors), string.Join(" ", tagger.Predict(test.Tokens)));
    }

    private static SeededRun Sentiment(int seed, string? start)
    {
        var splits = BundledSentiment.Load(BundledSentiment.FindFolder(start));
        var classifier = SentimentClassifier.Create(splits.Train.Select(e => e.Text).ToList(), new SentimentClassifierOptions { nE = 8, nA = 8, Seed = seed });
        string initial = ParameterHash.Sha256(classifier.Tensors);
        SentimentTraining.Train(classifier, splits.Train.Take(Sentences).ToList(), options: new SentimentTrainingOptions { Epochs = 1, BatchSize = BatchSize, Seed = seed });
        string p = classifier.Predict(splits.Test[0].Text).ToString("F6", CultureInfo.InvariantCulture);
        return new SeededRun("sentiment", BatchSize, Sentences / BatchSize, initial, ParameterHash.Sha256(classifier.Tensors), $"p(positive) {p}");
    }

    /// <summary>Notebook 06's pooled GRU: [a&lt;T&gt;; mean; max] under the head, dropout 0.5 on the word vectors (seeded draws).</summary>
    private static SeededRun PooledSentiment(int seed, string? start)
    {
        var splits = BundledSentiment.Load(BundledSentiment.FindFolder(start));
        var classifier = SentimentClassifier.Create(splits.Train.Select(e => e.Text).ToList(),
            new SentimentClassifierOptions { Cell = RecurrentCell.Gru, Pooling = SentimentPooling.All, nE = 8, nA = 8, Seed = seed });
        string initial = ParameterHash.Sha256(classifier.Tensors);
        var options = new SentimentTrainingOptions { Epochs = 1, BatchSize = BatchSize, EmbeddingDropout = 0.5, Seed = seed };
        SentimentTraining.Train(classifier, splits.Train.Take(Sentences).ToList(), options: options);
        string p = classifier.Predict(splits.Test[0].Text).ToString("F6", CultureInfo.InvariantCulture);
        return new SeededRun("sentiment-pooled", BatchSize, Sentences / BatchSize, initial, ParameterHash.Sha256(classifier.Tensors), $"p(positive) {p}");
    }

    private static SeededRun Names(int seed, string? start)
    {
        var names = NameList.Load(NameList.FindFolder(start));
        var letters = TokenVocabulary.Characters(names);
        var model = TokenLanguageModel.Create(letters, nA: 16, seed);
        string initial = ParameterHash.Sha256(model.Layer.Parameters.Tensors);
        var spread = names.Where((_, i) => i % 40 == 0).Take(Sentences).Select(letters.EncodeCharacters).ToList(); // every 40th: not only names in a
        model.Train(spread, options: new TrainingOptions { Epochs = 2, BatchSize = 2 * BatchSize, Seed = seed });
        var sampler = new Sampler(seed);
        string sample = string.Join(" ", Enumerable.Range(0, 4).Select(_ => letters.Decode(model.Sample(sampler, maxLength: 12))));
        return new SeededRun("names", 2 * BatchSize, 2 * Sentences / (2 * BatchSize), initial, ParameterHash.Sha256(model.Layer.Parameters.Tensors), sample);
    }

    private static SeededRun Music(int seed, string? start)
    {
        var tunes = BundledTunes.Load(BundledTunes.FindFolder(start)).Take(16).Select(t => NoteTokens.Encode(t.ToNaturalKey())).ToList();
        var model = TokenLanguageModel.Create(NoteTokens.Vocabulary, nA: 16, seed, TokenGrammars.PitchThenDuration);
        string initial = ParameterHash.Sha256(model.Layer.Parameters.Tensors);
        model.Train(tunes, options: new TrainingOptions { Epochs = 1, BatchSize = 4, Seed = seed });
        var tokens = model.Sample(new Sampler(seed), maxLength: 12, seed: [NoteTokens.PitchId(60)]);
        return new SeededRun("music", 4, tunes.Count / 4, initial, ParameterHash.Sha256(model.Layer.Parameters.Tensors), model.Vocabulary.Decode(tokens, " "));
    }
}
