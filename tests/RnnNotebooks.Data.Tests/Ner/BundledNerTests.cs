using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests.Ner;

public sealed class BundledNerTests
{
    private static readonly NerSplits Splits = BundledNer.Load();

    private static IEnumerable<(string Name, IReadOnlyList<NerSentence> Sentences)> Named() =>
    [
        ("train", NerSplits.SentencesOf(Splits.Train)),
        ("dev", NerSplits.SentencesOf(Splits.Dev)),
        ("test", NerSplits.SentencesOf(Splits.Test)),
    ];

    [Fact]
    public void The_files_read_without_error_into_at_least_600_sentences_split_about_70_10_20()
    {
        var counts = Named().Select(s => s.Sentences.Count).ToArray();

        Assert.True(counts.Sum() >= 600, $"{counts.Sum()} sentences");
        Assert.InRange(counts[0] / (double)counts.Sum(), 0.65, 0.75);
        Assert.InRange(counts[1] / (double)counts.Sum(), 0.08, 0.12);
        Assert.InRange(counts[2] / (double)counts.Sum(), 0.17, 0.23);
    }

    [Fact]
    public void Every_split_has_all_four_types()
    {
        Assert.All(Named(), split => Assert.Equal(IobTags.EntityTypes.Order(),
            split.Sentences.SelectMany(s => s.Entities).Select(e => e.Type).Distinct().Order()));
    }

    [Fact]
    public void No_test_entity_string_occurs_anywhere_in_train_or_dev()
    {
        var seen = string.Join("\n", NerSplits.SentencesOf(Splits.Train.Concat(Splits.Dev))
            .Select(s => $" {string.Join(" ", s.Tokens)} "));

        var leaks = NerSplits.SentencesOf(Splits.Test)
            .SelectMany(s => s.Entities.Select(s.TextOf))
            .Where(text => seen.Contains($" {text} ", StringComparison.Ordinal))
            .Distinct();

        Assert.Empty(leaks);
    }

    [Theory]
    [InlineData("May", "O PER")]
    [InlineData("Jordan", "LOC PER")]
    [InlineData("Washington", "LOC ORG PER")]
    [InlineData("Apple", "O ORG")]
    [InlineData("Turkey", "LOC O")]
    [InlineData("Bush", "O PER")]
    [InlineData("The", "LOC MISC O ORG")]
    public void The_hard_cases_are_there_with_each_reading(string word, string types)
    {
        var found = NerSplits.SentencesOf(Splits.Train.Concat(Splits.Dev).Concat(Splits.Test))
            .SelectMany(s => s.Tokens.Zip(s.Tags))
            .Where(p => p.First == word)
            .Select(p => p.Second == IobTags.Outside ? "O" : IobTags.TypeOf(p.Second)!);

        Assert.Equal(types, string.Join(" ", found.Distinct().Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_figures_of_the_readme_hold()
    {
        // data/ner/README.md's table: split | sentences | tokens | PER | LOC | ORG | MISC | entities.
        var rows = Named().Select(split =>
        {
            var entities = split.Sentences.SelectMany(s => s.Entities).ToList();
            var perType = IobTags.EntityTypes.Select(t => entities.Count(e => e.Type == t));
            return $"| {split.Name} | {split.Sentences.Count} | {split.Sentences.Sum(s => s.Length)} | {string.Join(" | ", perType)} | {entities.Count} |";
        });

        Assert.Equal(
            [
                "| train | 454 | 5540 | 291 | 267 | 230 | 188 | 976 |",
                "| dev | 62 | 535 | 23 | 39 | 25 | 18 | 105 |",
                "| test | 128 | 1160 | 48 | 70 | 44 | 33 | 195 |",
            ],
            rows);
    }

    [Fact]
    public void The_folder_is_found_above_the_test_binaries()
    {
        Assert.True(File.Exists(Path.Combine(BundledNer.FindFolder(), BundledNer.TestFile)));
        Assert.Throws<DirectoryNotFoundException>(() => BundledNer.FindFolder(Path.GetPathRoot(Path.GetTempPath())));
    }
}
