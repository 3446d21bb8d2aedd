using System.IO.Compression;
using RnnNotebooks.Data;
using RnnNotebooks.Data.Tests.Ner;

namespace RnnNotebooks.Data.Tests.Translation;

public sealed class TatoebaTests
{
    [Fact]
    public void Lines_are_read_with_their_credit_and_a_bad_line_is_named()
    {
        string path = Path.Combine(TestFolders.New("tatoeba-").FullName, "pairs.txt");
        File.WriteAllText(path, "Go.\tVa !\tCC-BY 2.0 (France) Attribution: tatoeba.org #2877272 (CM) & #1158250 (Wittydev)\nHi.\tSalut !\n");

        var e = Assert.Throws<DataFormatException>(() => Tatoeba.Read(path));
        Assert.Equal(2, e.LineNumber);
        Assert.Contains($"{path}:2:", e.Message);

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

    [Fact]
    public void The_zip_gives_the_head_of_fra_txt_and_a_zip_without_it_is_named()
    {
        string folder = TestFolders.New("tatoeba-zip-").FullName;
        string zip = Path.Combine(folder, "fra-eng.zip");
        WriteZip(zip, "fra.txt", Enumerable.Range(0, Tatoeba.PairCount + 3).Select(i => $"E{i}.\tF{i}.\tCC-BY 2.0 (France) tatoeba.org #{i}"));

        var head = Tatoeba.HeadOfZip(zip);

        Assert.Equal(Tatoeba.PairCount, head.Count);
        Assert.Equal("E4999.\tF4999.\tCC-BY 2.0 (France) tatoeba.org #4999", head[^1]);
        string other = Path.Combine(folder, "other.zip");
        WriteZip(other, "deu.txt", ["Go.\tGeh.\tc"]);
        var e = Assert.Throws<InvalidDataException>(() => Tatoeba.HeadOfZip(other));
        Assert.Contains("other.zip: no fra.txt", e.Message);
    }

    [RealDataFact("translation/eng-fra-tatoeba.txt")]
    public async Task Downloaded_as_manythings_zips_it_the_list_is_checked_by_its_first_pairs_and_read_from_the_zip()
    {
        // The original download: fra.txt whose head is the course's 5,000 pairs, followed by pairs added since.
        var pairs = File.ReadAllLines(Path.Combine(Environment.GetEnvironmentVariable(DataFolder.EnvironmentVariable)!, "translation", "eng-fra-tatoeba.txt"));
        Assert.Equal(Tatoeba.PairsSha256, Tatoeba.Sha256Of(pairs)); // the pin of the zip's head is the extracted file's SHA-256
        string work = TestFolders.New("tatoeba-download-").FullName;
        string zip = Path.Combine(work, "served.zip");
        WriteZip(zip, "fra.txt", pairs.Concat(["A longer sentence added to Tatoeba later on.\tUne phrase plus longue.\tCC-BY 2.0 (France) tatoeba.org #1"]));
        var served = new ServedBytes(File.ReadAllBytes(zip));

        var (splits, file) = await Tatoeba.LoadAsync(new DataFolder(null, Path.Combine(work, "cache"), new HttpClient(served)));

        Assert.Equal((DataOrigin.Download, 1), (file.Origin, served.Requests));
        Assert.Equal(4993, splits.Train.Count + splits.Test.Count);
        var again = await Tatoeba.LoadAsync(new DataFolder(null, Path.Combine(work, "cache"), new HttpClient(served)));
        Assert.Equal((DataOrigin.Cache, 1), (again.File.Origin, served.Requests));
    }

    private static void WriteZip(string path, string entryName, IEnumerable<string> lines)
    {
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(archive.CreateEntry(entryName).Open());
        foreach (var line in lines)
        {
            writer.Write(line + "\n");
        }
    }
}
