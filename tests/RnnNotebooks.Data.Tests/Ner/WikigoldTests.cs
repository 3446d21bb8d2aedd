using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests.Ner;

public sealed class WikigoldTests
{
    [RealDataFact("ner/wikigold.conll.txt")]
    public async Task The_real_file_has_145_articles_1696_sentences_39007_tokens_split_116_29_by_article()
    {
        // NOTICE.md says 1,841 sentences: that count takes each of the 145 "-DOCSTART- O" lines for a sentence.
        var (splits, file) = await Wikigold.LoadAsync(DataFolder.FromEnvironment(new HttpClient(new ServedBytes(null))));
        var all = splits.Train.Concat(splits.Test).ToList();
        var sentences = NerSplits.SentencesOf(all);

        Assert.Equal(DataOrigin.EnvironmentFolder, file.Origin);
        Assert.Equal(145, all.Count);
        Assert.Equal(1696, sentences.Count);
        Assert.Equal(39007, sentences.Sum(s => s.Length));
        Assert.Equal((116, 0, 29), (splits.Train.Count, splits.Dev.Count, splits.Test.Count));
        Assert.Equal(sentences.Count, NerSplits.SentencesOf(splits.Train).Count + NerSplits.SentencesOf(splits.Test).Count);
    }

    [RealDataFact("ner/wikigold.conll.txt")]
    public async Task The_iob1_tags_become_iob2_with_every_entity_starting_at_b()
    {
        var (splits, _) = await Wikigold.LoadAsync(DataFolder.FromEnvironment(new HttpClient(new ServedBytes(null))));
        var sentences = NerSplits.SentencesOf(splits.Train.Concat(splits.Test));
        var entities = sentences.SelectMany(s => s.Entities).ToList();

        Assert.All(sentences, s => Assert.All(s.Entities, e => Assert.StartsWith("B-", s.Tags[e.Start])));
        Assert.Equal(IobTags.EntityTypes.Order(), entities.Select(e => e.Type).Distinct().Order());
        Assert.Equal(entities.Count, sentences.Sum(s => s.Tags.Count(t => t.StartsWith("B-", StringComparison.Ordinal))));
    }

    [Fact]
    public void The_split_is_by_article_the_first_four_fifths_to_train()
    {
        var documents = Enumerable.Range(0, 10)
            .Select(i => new NerDocument([new NerSentence([$"w{i}"], ["O"])])).ToList();

        var splits = Wikigold.Split(documents);

        Assert.Equal(documents.Take(8), splits.Train);
        Assert.Equal(documents.Skip(8), splits.Test);
        Assert.Empty(splits.Dev);
    }
}
