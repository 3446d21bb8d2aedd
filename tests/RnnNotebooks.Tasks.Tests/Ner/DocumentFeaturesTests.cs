using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using Xunit.Abstractions;

namespace RnnNotebooks.Tasks.Tests.Ner;

/// <summary>The document features d&lt;t&gt;: a hand-computed article, odd input, and a task only they can solve.</summary>
public sealed class DocumentFeaturesTests(ITestOutputHelper output)
{
    // siemens: 2 in all, capitalised mid-sentence once (sentence 1, token 2), never lower case.
    // plant: 3 in all ("plant" twice, "Plant" first in sentence 2: not mid-sentence), lower case twice.
    // workers: 2 in all ("Workers" first in sentence 1, "workers" in sentence 2), lower case once.
    private static readonly string[][] Article =
    [
        ["Siemens", "opened", "a", "plant", "."],
        ["Workers", "at", "Siemens", "like", "the", "plant", "."],
        ["Plant", "workers", "left", "."],
    ];

    [Theory]
    [InlineData(0, 0, 1, 0, 0.25, 1)]  // Siemens first in its sentence, capitalised mid-sentence elsewhere: the Siemens case
    [InlineData(1, 2, 0, 0, 0.25, 0)]  // Siemens mid-sentence: its own capitalised occurrence does not count
    [InlineData(2, 0, 0, 1, 0.5, 0)]   // Plant: lower case elsewhere (twice), 2 other occurrences
    [InlineData(0, 3, 0, 1, 0.5, 0)]   // plant: the other "plant" is lower case; its own does not count
    [InlineData(1, 0, 0, 1, 0.25, 0)]  // Workers: "workers" lower case in sentence 2
    [InlineData(2, 1, 0, 0, 0.25, 0)]  // workers: the only other occurrence is capitalised, but first in its sentence
    [InlineData(0, 1, 0, 0, 0, 0)]     // opened: nowhere else
    [InlineData(0, 4, 0, 0, 0.5, 0)]   // ".": no letters, 3 in all
    public void Each_token_reads_how_its_word_is_written_elsewhere_in_the_article(int sentence, int token, double capitalisedElsewhere,
        double lowerElsewhere, double others, double firstAndCapitalisedElsewhere)
    {
        var d = DocumentFeatures.Of(Article);

        Assert.Equal([capitalisedElsewhere, lowerElsewhere, others, firstAndCapitalisedElsewhere], d[sentence][token]);
        Assert.Equal(Article.Select(s => s.Length), d.Select(s => s.Length));
        Assert.All(d.SelectMany(s => s), v => Assert.Equal(DocumentFeatures.Count, v.Length));
    }

    [Fact]
    public void Counts_fold_case_and_digits_and_the_count_feature_saturates()
    {
        string[][] article = [["Rome", "1998", "rome", "2001", "ROME", "Rome", "rome", "Rome"]];
        var counts = DocumentWordCounts.Of(article);
        var d = DocumentFeatures.Of(article);

        Assert.Equal((6, 3, 2), counts.Of("rOmE"));   // ROME, Rome, Rome mid-sentence (the first Rome starts the sentence); rome twice
        Assert.Equal((2, 0, 0), counts.Of("1234"));   // 1998 and 2001 are both 0000
        Assert.Equal((0, 0, 0), counts.Of("Milan"));
        Assert.Equal([0, 0, 0.25, 0], d[0][1]);       // 1998: one other 0000
        Assert.Equal([1, 1, 1, 1], d[0][0]);          // first, capitalised mid-sentence and lower case elsewhere; 5 others: min(5, 4) / 4
    }

    [Fact]
    public void Bad_input_is_named()
    {
        var counts = DocumentWordCounts.Of(Article);
        var wrongLength = Assert.Throws<ArgumentException>(() => DocumentFeatures.Write("plant", 1, counts, new double[3]));
        Assert.Contains("n_d = 4", wrongLength.Message);
        var absent = Assert.Throws<ArgumentException>(() => DocumentFeatures.Write("Munich", 1, counts, new double[4]));
        Assert.Contains("'Munich'", absent.Message);
        var nullToken = Assert.Throws<ArgumentException>(() => DocumentWordCounts.Of([["a", null!]]));
        Assert.Contains("sentence 0 token 1", nullToken.Message);
    }

    [Fact]
    public void The_sentences_of_a_split_know_their_article_and_a_lone_sentence_is_its_own_document()
    {
        var document = new NerDocument(Article.Select(s => new NerSentence(s, s.Select(_ => "O").ToArray())).ToArray());
        var sentences = NerSplits.SentencesOf([document, document]);

        Assert.Equal(6, sentences.Count);
        Assert.All(sentences, s => Assert.Same(document.Tokens, s.Document));
        Assert.Null(document.Sentences[0].Document);
    }

    /// <summary>
    /// Articles of two sentences. The first starts with an unseen word, written capitalised as every first word is; the
    /// second writes that word again, capitalised mid-sentence if it is a name (B-PER in both), in lower case if not (O).
    /// The first sentence alone cannot tell which: only the article can.
    /// </summary>
    private static List<NerSentence> Articles(int count, int seed)
    {
        var random = new Random(seed);
        var sentences = new List<NerSentence>();
        for (int i = 0; i < count; i++)
        {
            string word = new(Enumerable.Range(0, 5).Select(_ => (char)('a' + random.Next(26))).ToArray());
            bool name = i % 2 == 0;
            string tag = name ? "B-PER" : "O";
            var first = new NerSentence([char.ToUpperInvariant(word[0]) + word[1..], "went", "home", "."], [tag, "O", "O", "O"]);
            var second = new NerSentence(["we", "met", name ? first.Tokens[0] : word, "today", "."], ["O", "O", tag, "O", "O"]);
            sentences.AddRange(NerSplits.SentencesOf([new NerDocument([first, second])]));
        }
        return sentences;
    }

    [Theory]
    [InlineData(false, 0.3, 0.7)]
    [InlineData(true, 0.95, 1.0)]
    public void Only_a_tagger_that_reads_its_documents_tells_a_sentence_initial_name_from_a_common_word(bool documentFeatures, double least, double most)
    {
        var train = Articles(40, 1);
        var test = Articles(40, 2);
        var tagger = NerTagger.Create(train, new NerTaggerOptions
        {
            Direction = TaggerDirection.Bidirectional, nE = 3, nS = 2, nA = 4, MinWordCount = 3, DocumentFeatures = documentFeatures, Seed = 3, // every name and common word <unk>
        });
        NerTaggerTests.Trained(tagger, train, 150);

        var predicted = tagger.Predict(test);
        var firsts = Enumerable.Range(0, test.Count).Where(i => i % 2 == 0).ToList();
        double accuracy = firsts.Count(i => predicted[i][0] == test[i].Tags[0]) / (double)firsts.Count;
        output.WriteLine($"document features {documentFeatures}: first words tagged right on unseen articles {accuracy:F3}");

        Assert.InRange(accuracy, least, most); // without them the first word is a coin toss; with them it is read from the article
        Assert.Equal(documentFeatures ? 4 : 0, tagger.nD);
    }

    [Fact]
    public void A_saved_tagger_that_reads_documents_loads_back_to_the_same_predictions()
    {
        var train = Articles(6, 1);
        var tagger = NerTaggerTests.Trained(NerTagger.Create(train, new NerTaggerOptions { nE = 3, nS = 2, nA = 4, DocumentFeatures = true, Crf = true, Seed = 4 }), train, 5);
        var loaded = SavedModels.SavedAndLoaded("ner-doc-", tagger.Save, NerTagger.Load);

        Assert.True(loaded.ReadsDocuments);
        Assert.Equal(3 + 2 + WordFeatures.Count + DocumentFeatures.Count, loaded.Sizes.nX);
        var test = Articles(6, 2);
        Assert.Equal(tagger.Predict(test), loaded.Predict(test));
        Assert.Equal(BitConverter.DoubleToInt64Bits(tagger.Loss(test)), BitConverter.DoubleToInt64Bits(loaded.Loss(test)));
    }

    [Fact]
    public void With_document_features_and_characters_every_gradient_passes_the_check()
    {
        var batch = Articles(3, 5);
        var tagger = NerTagger.Create(batch, new NerTaggerOptions
        {
            Cell = RecurrentCell.Lstm, nE = 3, nS = 2, nA = 4, Characters = true, nC = 3, nCA = 2, MinCharacterCount = 1, DocumentFeatures = true, Crf = true, Seed = 6,
        });

        tagger.ComputeGradients(batch);
        var results = GradientCheck.Run(tagger.Tensors, tagger.GradientTensors, () => tagger.BatchLoss(batch));

        Assert.All(results, r => Assert.True(r.RelativeError < 1e-6, r.ToString())); // dr read after n_f + n_d rows of dx<t>
        Assert.Contains(results, r => r.Name == "chars.C" && r.AnalyticNorm > 1e-6);
        Assert.Equal(3 + 2 + WordFeatures.Count + DocumentFeatures.Count + 4, tagger.Sizes.nX);
    }
}
