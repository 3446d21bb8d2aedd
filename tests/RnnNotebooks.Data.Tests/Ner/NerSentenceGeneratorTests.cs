using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests.Ner;

public sealed class NerSentenceGeneratorTests
{
    private static string GeneratedPath => Path.Combine(BundledNer.FindFolder(), BundledNer.GeneratedTrainFile);

    [Fact]
    public void The_generator_reproduces_the_committed_file_byte_for_byte()
    {
        // To write the file again after changing the generator: RNNNOTEBOOKS_WRITE_GENERATED=1 dotnet test --filter NerSentenceGenerator
        string text = NerSentenceGenerator.GenerateConll();
        if (Environment.GetEnvironmentVariable("RNNNOTEBOOKS_WRITE_GENERATED") == "1")
        {
            File.WriteAllText(GeneratedPath, text);
        }

        Assert.Equal(File.ReadAllBytes(GeneratedPath), System.Text.Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void The_same_seed_gives_the_same_sentences_and_another_seed_others()
    {
        Assert.Equal(NerSentenceGenerator.GenerateConll(50, 1), NerSentenceGenerator.GenerateConll(50, 1));
        Assert.NotEqual(NerSentenceGenerator.GenerateConll(50, 1), NerSentenceGenerator.GenerateConll(50, 2));
    }

    [Fact]
    public void All_four_types_are_generated_and_the_traps_stay_o()
    {
        var sentences = NerSentenceGenerator.Generate(NerSentenceGenerator.DefaultCount, NerSentenceGenerator.DefaultSeed);
        var tagsOf = sentences.SelectMany(s => s.Tokens.Zip(s.Tags)).ToLookup(p => p.First, p => p.Second);

        Assert.Equal(IobTags.EntityTypes.Order(), sentences.SelectMany(s => s.Entities).Select(e => e.Type).Distinct().Order());
        Assert.All(new[] { "May", "Turkey", "Yesterday", "apple" }, word => Assert.Equal(["O"], tagsOf[word].Distinct()));
    }
}
