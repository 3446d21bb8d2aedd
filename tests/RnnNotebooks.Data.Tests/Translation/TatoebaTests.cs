using RnnNotebooks.Data;
using RnnNotebooks.Data.Tests.Ner;

namespace RnnNotebooks.Data.Tests.Translation;

public sealed class TatoebaTests
{
    [Fact]
    public void Lines_are_read_with_their_credit_and_a_bad_line_is_named()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("tatoeba-").FullName, "pairs.txt");
        File.WriteAllText(path, "Go.\tVa !\tCC-BY 2.0 (France) Attribution: tatoeba.org #2877272 (CM) & #1158250 (Wittydev)\nHi.\tSalut !\n");

        var e = Assert.Throws<TranslationFormatException>(() => Tatoeba.Read(path));
        Assert.Equal(2, e.Line);
        Assert.Contains("line 2", e.Message);

        File.WriteAllLines(path, ["Go.\tVa !\tCC-BY 2.0 (France) Attribution: tatoeba.org #2877272 (CM) & #1158250 (Wittydev)"]);
        var pair = Assert.Single(Tatoeba.Read(path));
        Assert.Equal(("Go.", "Va !"), (pair.English, pair.French));
        Assert.StartsWith("CC-BY 2.0 (France)", pair.Attribution);
    }

    [Fact]
    public void The_split_keeps_every_translation_of_an_english_sentence_on_one_side()
    {
        var pairs = Enumerable.Range(0, 50).SelectMany(i => new[] { new TranslationPair($"e{i}", $"f{i}a", "c"), new TranslationPair($"e{i}", $"f{i}b", "c") }).ToList();

        var splits = Tatoeba.Split(pairs, testShare: 0.2, seed: 3);

        Assert.Equal(20, splits.Test.Count);
        Assert.Empty(splits.Train.Select(p => p.English).Intersect(splits.Test.Select(p => p.English)));
    }

    [Fact]
    public void Sentences_are_split_into_lower_case_words_and_marks()
    {
        Assert.Equal(["j'", "ai", "faim", "!"], SentenceTokens.Of("J’ai faim !"));
        Assert.Equal(["i", "don'", "t", "know", "."], SentenceTokens.Of("I don't know."));
    }

    [RealDataFact("translation/eng-fra-tatoeba.txt")]
    public async Task The_real_file_keeps_short_pairs_each_with_its_credit()
    {
        var (splits, file) = await Tatoeba.LoadAsync(DataFolder.FromEnvironment(new HttpClient(new ServedBytes(null))));
        var all = splits.Train.Concat(splits.Test).ToList();

        Assert.Equal(DataOrigin.EnvironmentFolder, file.Origin);
        Assert.Equal(4993, all.Count); // 7 of the file's 5,000 pairs have more than 10 tokens on a side
        Assert.All(all, p => Assert.Contains("tatoeba.org", p.Attribution));
        Assert.InRange(splits.Test.Count, 400, 600);
    }
}
